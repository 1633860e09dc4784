package dev.quarry.internal.query;

import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;

/**
 * A LEFT OUTER JOIN that follows a foreign key: {@code LEFT JOIN target AS alias ON alias.pk = parent.fk}.
 *
 * @param path        the relation path from the root model ({@code author__publisher})
 * @param alias       the joined table's alias
 * @param target      the related model
 * @param parentAlias the alias of the table holding the foreign key
 * @param foreignKey  the foreign key followed
 */
public record Join(String path, String alias, ModelMeta<?> target, String parentAlias, FieldMeta foreignKey) {
}

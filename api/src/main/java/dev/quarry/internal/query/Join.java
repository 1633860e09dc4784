package dev.quarry.internal.query;

import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;

/**
 * A LEFT OUTER JOIN: {@code LEFT JOIN table AS alias ON alias.column = parentAlias.parentColumn}.
 *
 * @param path         the relation path from the root model ({@code author__publisher})
 * @param alias        the joined table's alias
 * @param table        the joined table
 * @param column       the joined table's column in the ON clause
 * @param parentAlias  the alias of the table joined to
 * @param parentColumn its column in the ON clause
 * @param target       the model of the joined table ({@code null} for a link table)
 * @param foreignKey   for a forward foreign key, the key followed (selectRelated sets it), else {@code null}
 */
public record Join(String path, String alias, String table, String column, String parentAlias, String parentColumn,
                   ModelMeta<?> target, FieldMeta foreignKey) {

    /** The join that follows a forward foreign key from {@code parentAlias}. */
    public static Join forward(String path, String alias, ModelMeta<?> target, String parentAlias, FieldMeta fk) {
        return new Join(path, alias, target.table(), target.pk().column(), parentAlias, fk.column(), target, fk);
    }
}

package dev.quarry.examples.blog;

/** Where an article is in its life; stored by name ({@code @Enumerated(STRING)}). */
public enum Status {
    /** Being written; not listed publicly. */
    DRAFT,
    /** Visible to readers. */
    PUBLISHED,
    /** Withdrawn, kept for the record. */
    ARCHIVED
}

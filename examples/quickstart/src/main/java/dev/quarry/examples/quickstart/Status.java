package dev.quarry.examples.quickstart;

/** Where an article is in its life; stored by name ({@code @Enumerated(EnumType.STRING)}). */
public enum Status {
    /** Being written. */
    DRAFT,
    /** Visible to readers. */
    PUBLISHED,
    /** Taken down, kept for the record. */
    ARCHIVED
}

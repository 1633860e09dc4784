package dev.quarry.testkit.models;

/** An {@link Article}'s state, stored by name ({@code @Enumerated(STRING)}). */
public enum Status {
    /** not yet visible */ DRAFT,
    /** visible */ PUBLISHED,
    /** retired */ ARCHIVED
}

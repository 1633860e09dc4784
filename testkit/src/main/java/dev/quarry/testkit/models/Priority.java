package dev.quarry.testkit.models;

/** An {@link Event}'s priority, stored by ordinal ({@code @Enumerated(ORDINAL)}). */
public enum Priority {
    /** 0 */ LOW,
    /** 1 */ NORMAL,
    /** 2 */ HIGH
}

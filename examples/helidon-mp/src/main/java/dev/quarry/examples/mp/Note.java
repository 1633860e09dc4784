package dev.quarry.examples.mp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A note: the example's one model. */
@Entity
@Table(name = "mp_note")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 500)
    private String text;

    /** For Quarry. */
    public Note() {
    }

    /** @param text what the note says */
    public Note(String text) {
        this.text = text;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return what the note says */
    public String getText() {
        return text;
    }
}

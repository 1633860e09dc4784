package dev.quarry.testkit.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The TCK's main model: one field of most column types, a unique {@code slug}, a renamed column
 * ({@code teaser} is stored in {@code teaser_text}), a {@code @Transient} field and an explicit table name.
 * Equal, as Django's models, when of the same class with the same non-null pk.
 */
@Entity
@Table(name = "tck_article", indexes = @Index(name = "tck_article_status_idx", columnList = "status"))
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(unique = true, length = 100)
    private String slug;

    private String body;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Status status;

    private int views;

    private int likes;

    private Double rating;

    private LocalDateTime publishedAt;

    private LocalDate createdOn;

    private UUID uuid;

    @Column(precision = 10, scale = 2)
    private BigDecimal price;

    private byte[] data;

    @Column(name = "teaser_text", length = 500)
    private String teaser;

    @Transient
    private String scratch;

    /** For Quarry. */
    public Article() {
    }

    /** An article with a title and nothing else. */
    public Article(String title) {
        this.title = title;
    }

    /** An article with a title, a status and a view count. */
    public Article(String title, Status status, int views) {
        this.title = title;
        this.status = status;
        this.views = views;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @param id the pk */
    public void setId(Long id) {
        this.id = id;
    }

    /** @return the title */
    public String getTitle() {
        return title;
    }

    /** @param title the title */
    public void setTitle(String title) {
        this.title = title;
    }

    /** @return the unique slug */
    public String getSlug() {
        return slug;
    }

    /** @param slug the unique slug */
    public void setSlug(String slug) {
        this.slug = slug;
    }

    /** @return the body */
    public String getBody() {
        return body;
    }

    /** @param body the body */
    public void setBody(String body) {
        this.body = body;
    }

    /** @return the status */
    public Status getStatus() {
        return status;
    }

    /** @param status the status */
    public void setStatus(Status status) {
        this.status = status;
    }

    /** @return the view count */
    public int getViews() {
        return views;
    }

    /** @param views the view count */
    public void setViews(int views) {
        this.views = views;
    }

    /** @return the like count */
    public int getLikes() {
        return likes;
    }

    /** @param likes the like count */
    public void setLikes(int likes) {
        this.likes = likes;
    }

    /** @return the rating, or null */
    public Double getRating() {
        return rating;
    }

    /** @param rating the rating, or null */
    public void setRating(Double rating) {
        this.rating = rating;
    }

    /** @return when it was published */
    public LocalDateTime getPublishedAt() {
        return publishedAt;
    }

    /** @param publishedAt when it was published */
    public void setPublishedAt(LocalDateTime publishedAt) {
        this.publishedAt = publishedAt;
    }

    /** @return the day it was created */
    public LocalDate getCreatedOn() {
        return createdOn;
    }

    /** @param createdOn the day it was created */
    public void setCreatedOn(LocalDate createdOn) {
        this.createdOn = createdOn;
    }

    /** @return the uuid */
    public UUID getUuid() {
        return uuid;
    }

    /** @param uuid the uuid */
    public void setUuid(UUID uuid) {
        this.uuid = uuid;
    }

    /** @return the price, two decimals */
    public BigDecimal getPrice() {
        return price;
    }

    /** @param price the price */
    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    /** @return the binary payload */
    public byte[] getData() {
        return data;
    }

    /** @param data the binary payload */
    public void setData(byte[] data) {
        this.data = data;
    }

    /** @return the teaser (column {@code teaser_text}) */
    public String getTeaser() {
        return teaser;
    }

    /** @param teaser the teaser */
    public void setTeaser(String teaser) {
        this.teaser = teaser;
    }

    /** @return a value never stored */
    public String getScratch() {
        return scratch;
    }

    /** @param scratch a value never stored */
    public void setScratch(String scratch) {
        this.scratch = scratch;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Article a && id != null && id.equals(a.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Article.class, id);
    }

    @Override
    public String toString() {
        return "Article[id=" + id + ", title=" + title + ", status=" + status + ", views=" + views + "]";
    }
}

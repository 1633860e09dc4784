package dev.quarry.testkit.models;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

import java.util.Objects;

/** An {@code @Embeddable} address with a nested {@link Geo}; embedded twice in {@link Person}. */
@Embeddable
public class Address {

    /** The street. */
    public String street;

    /** The city ({@code @Column(name = "city_name")}). */
    @Column(name = "city_name")
    public String city;

    /** Where it is. */
    @Embedded
    public Geo geo;

    /** For Quarry. */
    public Address() {
    }

    /** An address without coordinates. */
    public Address(String street, String city) {
        this.street = street;
        this.city = city;
    }

    /** A nested embeddable: coordinates. */
    @Embeddable
    public static class Geo {
        /** Latitude. */
        public Double lat;
        /** Longitude. */
        public Double lon;

        /** For Quarry. */
        public Geo() {
        }

        /** A point. */
        public Geo(double lat, double lon) {
            this.lat = lat;
            this.lon = lon;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Geo g && Objects.equals(lat, g.lat) && Objects.equals(lon, g.lon);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lat, lon);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Objects.equals(street, a.street) && Objects.equals(city, a.city)
                && Objects.equals(geo, a.geo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(street, city, geo);
    }

    @Override
    public String toString() {
        return street + ", " + city;
    }
}

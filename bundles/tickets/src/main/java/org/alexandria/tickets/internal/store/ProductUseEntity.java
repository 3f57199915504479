package org.alexandria.tickets.internal.store;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Row of {@code tkt_product_use}: a product version used by a customer or an organization (the owner type). */
@Entity
@Table(name = "tkt_product_use")
@IdClass(ProductUseEntity.Key.class)
public class ProductUseEntity {
    @Id
    @Column(name = "owner_type")
    String ownerType = "";
    @Id
    @Column(name = "owner_id")
    String ownerId = "";
    @Id
    @Column(name = "product")
    String product = "";
    @Id
    @Column(name = "version")
    String version = "";

    static ProductUseEntity of(String ownerType, String ownerId, String product, String version) {
        ProductUseEntity p = new ProductUseEntity();
        p.ownerType = ownerType;
        p.ownerId = ownerId;
        p.product = product;
        p.version = version;
        return p;
    }

    /** The primary key: all four columns. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String ownerType = "";
        String ownerId = "";
        String product = "";
        String version = "";

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ownerType.equals(k.ownerType) && ownerId.equals(k.ownerId)
                    && product.equals(k.product) && version.equals(k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ownerType, ownerId, product, version);
        }
    }
}

/**
 * License pools (R7) and the licenses users hold (R8): products, the exact counters of {@link
 * io.tenantsync.server.products.LicensePool}, user licenses.
 */
@NullMarked
package io.tenantsync.server.products;

import org.jspecify.annotations.NullMarked;

package org.gridatlas.ogc;

/**
 * A link of OGC API – Features (and RFC 8288): every link carries its relation and media type.
 *
 * @param rel the relation (self, alternate, next, prev, data, conformance, service-desc, items, collection...)
 * @param type the media type of the target
 */
public record Link(String href, String rel, String type, String title) {}

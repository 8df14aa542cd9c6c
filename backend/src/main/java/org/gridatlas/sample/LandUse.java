package org.gridatlas.sample;

/** What a parcel is used for; decides which buildings it gets and which incidents happen around it. */
enum LandUse {
    /** 老旧小区: walk-up slabs of the 1980s–90s. */
    OLD,
    /** 城中村: low self-built houses. */
    VILLAGE,
    /** 商品房: high-rise towers. */
    COMMERCIAL,
    /** 安置房: resettlement slabs. */
    RESETTLEMENT,
    /** 公租房: public rental slabs. */
    PUBLIC_RENTAL,
    /** 农贸市场: a market hall with shops around it. */
    MARKET,
    SCHOOL,
    OFFICE,
    INDUSTRY,
    /** 沿街商铺: rows of small shops. */
    SHOPS,
    /** 工地: a construction site, no finished building yet. */
    CONSTRUCTION,
    /** 绿地: park or green space, no building. */
    GREEN;

    boolean residential() {
        return this == OLD || this == VILLAGE || this == COMMERCIAL || this == RESETTLEMENT || this == PUBLIC_RENTAL;
    }
}

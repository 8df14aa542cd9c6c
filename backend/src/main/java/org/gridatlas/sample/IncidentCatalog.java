package org.gridatlas.sample;

import java.util.List;

/**
 * The incident small classes the simulation draws from (names as in V2__incident_categories.sql), each with its
 * yearly weight, where it happens, its season, who resolves it and how reporters describe it.
 */
final class IncidentCatalog {
    /** Where incidents of a class happen. */
    enum Place {
        /** Around the two markets. */
        MARKET,
        /** At old walk-ups and village houses (weighted by households). */
        OLD_COMPOUND,
        /** At high-rise residential buildings (weighted by households). */
        TOWER,
        /** Around the two construction sites. */
        CONSTRUCTION,
        /** Anywhere along a road centre line. */
        ROAD,
        /** At schools and offices. */
        SCHOOL,
        /** At any building (weighted by households, plus a little for each building). */
        ANY_BUILDING,
        /** At the street's three low points that flood. */
        FLOOD_SPOT
    }

    /**
     * One small class.
     *
     * @param weight relative yearly frequency
     * @param places weight of each {@link Place}, by ordinal
     * @param months seasonal factor of each month, January first
     * @param levels probabilities of resolution by community, department, street
     * @param slowness factor on the time to resolve
     * @param descriptions short report texts
     */
    record SmallClass(
            String big,
            String small,
            double weight,
            double[] places,
            double[] months,
            double[] levels,
            double slowness,
            List<String> descriptions) {
        boolean emergency() {
            return big.equals("突发事件");
        }

        /** Classes a resident reports about a building by its address. */
        boolean aboutABuilding() {
            return big.equals("邻里纠纷") || big.equals("物业管理") || big.equals("治安隐患");
        }
    }

    private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    private static final double[] SUMMER = {0.7, 0.7, 0.8, 0.9, 1.1, 1.4, 1.6, 1.6, 1.3, 1.0, 0.8, 0.7};
    /** 梅雨 (plum rain) in June–July, typhoons in August–September. */
    private static final double[] PLUM_RAIN = {0.2, 0.2, 0.4, 0.6, 0.9, 4.0, 4.5, 2.0, 2.2, 0.6, 0.3, 0.2};

    private static final double[] WINTER = {1.3, 1.2, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.3};
    /** Building sites stop for the Spring Festival; summer days are long. */
    private static final double[] WORKS = {1.0, 0.4, 1.0, 1.1, 1.1, 1.2, 1.3, 1.3, 1.1, 1.0, 1.0, 1.0};

    private static final double[] LEAVES = {1.8, 1.2, 0.8, 0.6, 0.5, 0.5, 0.5, 0.5, 0.7, 1.2, 1.8, 2.0};
    private static final double[] PIPES = {1.6, 1.3, 0.9, 0.8, 0.8, 1.0, 1.3, 1.3, 1.0, 0.8, 0.9, 1.4};
    private static final double[] FESTIVAL_LITTER = {1.0, 1.4, 1.0, 1.0, 1.0, 1.1, 1.2, 1.2, 1.0, 1.1, 1.0, 1.0};
    private static final double[] OUTDOORS = {0.8, 0.7, 0.9, 1.0, 1.1, 1.2, 1.3, 1.3, 1.2, 1.1, 0.9, 0.8};

    private static final double[] DEFAULT = {0.76, 0.15, 0.09};
    private static final double[] EMERGENCY = {0.25, 0.65, 0.10};
    private static final double[] WORKS_LEVELS = {0.50, 0.32, 0.18};
    private static final double[] SAFETY = {0.65, 0.18, 0.17};
    private static final double[] LIGHT = {0.82, 0.11, 0.07};

    static final List<SmallClass> CLASSES = List.of(
            c(
                    "市容环境",
                    "暴露垃圾",
                    3500,
                    p(0.3, 0.35, 0, 0, 0.2, 0, 0.15, 0),
                    FESTIVAL_LITTER,
                    LIGHT,
                    1,
                    "垃圾桶满溢",
                    "垃圾暴露堆放",
                    "路边垃圾袋堆积"),
            c("市容环境", "积存垃圾渣土", 1200, p(0, 0.3, 0, 0.4, 0.3, 0, 0, 0), FLAT, DEFAULT, 1.2, "渣土堆积未清运", "装修垃圾长期堆放"),
            c("市容环境", "道路不洁", 2500, p(0.35, 0, 0, 0.2, 0.45, 0, 0, 0), FLAT, LIGHT, 1, "路面油污严重", "路面泥浆污染", "人行道废弃物多"),
            c("市容环境", "乱堆物堆料", 3000, p(0.2, 0.5, 0, 0, 0.3, 0, 0, 0), FLAT, DEFAULT, 1, "公共区域堆物", "门前乱堆货物", "绿化带堆杂物"),
            c("市容环境", "焚烧垃圾树叶", 300, p(0, 0.6, 0, 0, 0.4, 0, 0, 0), LEAVES, LIGHT, 0.5, "有人焚烧垃圾", "绿地内焚烧落叶"),
            c("宣传广告", "非法小广告", 2500, p(0.2, 0.5, 0, 0, 0.3, 0, 0, 0), FLAT, LIGHT, 1, "墙面张贴小广告", "楼道喷涂小广告", "电线杆小广告"),
            c("宣传广告", "违章张贴悬挂宣传品", 1000, p(0.4, 0, 0, 0, 0.6, 0, 0, 0), FLAT, LIGHT, 1, "违规悬挂横幅", "树上挂设宣传品"),
            c("宣传广告", "占道广告牌", 600, p(0.4, 0, 0, 0, 0.6, 0, 0, 0), FLAT, LIGHT, 1, "人行道摆放广告牌", "广告牌占道"),
            c(
                    "施工管理",
                    "施工扰民",
                    1600,
                    p(0, 0, 0, 0.7, 0, 0, 0.3, 0),
                    SUMMER,
                    WORKS_LEVELS,
                    1,
                    "夜间施工扰民",
                    "装修噪音扰民",
                    "工地凌晨作业"),
            c("施工管理", "工地扬尘", 900, p(0, 0, 0, 0.9, 0.1, 0, 0, 0), WORKS, WORKS_LEVELS, 1, "工地扬尘严重", "渣土车进出扬尘"),
            c("施工管理", "道路遗撒", 700, p(0, 0, 0, 0.5, 0.5, 0, 0, 0), WORKS, WORKS_LEVELS, 0.8, "渣土车沿路遗撒", "路面砂石遗撒"),
            c("施工管理", "无证施工", 400, p(0, 0.5, 0, 0.2, 0, 0, 0.3, 0), WORKS, WORKS_LEVELS, 2.5, "疑似无证施工", "私自搭建违章建筑"),
            c("突发事件", "路面塌陷", 150, p(0, 0, 0, 0, 1, 0, 0, 0), PLUM_RAIN, EMERGENCY, 0.6, "路面塌陷", "人行道地砖塌陷"),
            c("突发事件", "自来水管破裂", 400, p(0, 0.4, 0, 0, 0.6, 0, 0, 0), PIPES, EMERGENCY, 0.3, "自来水管破裂漏水", "路面冒水"),
            c("突发事件", "燃气管道破裂", 60, p(0, 0.6, 0.4, 0, 0, 0, 0, 0), WINTER, EMERGENCY, 0.1, "闻到燃气味"),
            c(
                    "突发事件",
                    "道路积水",
                    900,
                    p(0, 0, 0, 0, 0.4, 0, 0, 0.6),
                    PLUM_RAIN,
                    EMERGENCY,
                    0.3,
                    "暴雨后路面积水",
                    "路口积水影响通行",
                    "积水漫入小区"),
            c("突发事件", "火灾", 80, p(0, 0.5, 0, 0, 0, 0, 0.5, 0), WINTER, EMERGENCY, 0.1, "垃圾桶起火", "电动车起火"),
            c("街面秩序", "无照经营游商", 3200, p(0.7, 0, 0, 0, 0.15, 0.15, 0, 0), OUTDOORS, DEFAULT, 0.5, "流动摊贩叫卖", "三轮车沿街兜售"),
            c("街面秩序", "流浪乞讨", 300, p(0.5, 0, 0, 0, 0.5, 0, 0, 0), WINTER, DEFAULT, 1, "路口有人乞讨", "流浪人员露宿"),
            c(
                    "街面秩序",
                    "占道经营",
                    4200,
                    p(0.75, 0, 0, 0, 0.25, 0, 0, 0),
                    OUTDOORS,
                    DEFAULT,
                    0.5,
                    "店外占道经营",
                    "摊贩占用人行道",
                    "夜宵摊占道"),
            c(
                    "街面秩序",
                    "机动车乱停放",
                    4500,
                    p(0, 0.25, 0, 0, 0.5, 0.25, 0, 0),
                    FLAT,
                    DEFAULT,
                    0.5,
                    "车辆占用人行道",
                    "车辆堵塞出入口",
                    "路边违停"),
            c("街面秩序", "非机动车乱停放", 3500, p(0.3, 0, 0.3, 0, 0.4, 0, 0, 0), FLAT, LIGHT, 0.5, "共享单车乱停放", "电动车占道停放"),
            c("邻里纠纷", "噪音扰民", 3000, p(0, 0.6, 0.4, 0, 0, 0, 0, 0), SUMMER, DEFAULT, 1, "楼上噪音扰民", "广场舞音响过响", "商铺音响扰民"),
            c("邻里纠纷", "楼道堆物", 2200, p(0, 0.8, 0.2, 0, 0, 0, 0, 0), FLAT, DEFAULT, 1, "楼道堆放杂物", "楼道纸板堆积"),
            c("邻里纠纷", "漏水纠纷", 1200, p(0, 0.7, 0.3, 0, 0, 0, 0, 0), SUMMER, DEFAULT, 1.5, "楼上漏水至楼下", "卫生间渗水纠纷"),
            c("邻里纠纷", "宠物扰民", 900, p(0, 0.6, 0.4, 0, 0, 0, 0, 0), FLAT, DEFAULT, 1, "犬只吠叫扰民", "遛狗未拴绳"),
            c("物业管理", "电梯故障", 900, p(0, 0, 1, 0, 0, 0, 0, 0), SUMMER, DEFAULT, 0.6, "电梯故障停运", "电梯困人"),
            c("物业管理", "公共设施损坏", 2000, p(0, 0.7, 0.3, 0, 0, 0, 0, 0), FLAT, DEFAULT, 1.2, "小区路灯损坏", "单元门禁损坏", "健身器材损坏"),
            c("物业管理", "绿化破坏", 600, p(0, 0.6, 0.4, 0, 0, 0, 0, 0), OUTDOORS, DEFAULT, 1, "绿地被毁种菜", "树木被私自砍伐"),
            c("物业管理", "物业服务", 2000, p(0, 0.6, 0.4, 0, 0, 0, 0, 0), FLAT, DEFAULT, 1.5, "物业保洁不到位", "物业收费争议", "垃圾清运不及时"),
            c("治安隐患", "消防通道堵塞", 1500, p(0, 0.6, 0.4, 0, 0, 0, 0, 0), FLAT, SAFETY, 0.6, "消防通道被堵", "消防通道堆放杂物"),
            c("治安隐患", "电动车违规充电", 2200, p(0, 0.8, 0.2, 0, 0, 0, 0, 0), WINTER, SAFETY, 0.6, "私拉电线充电", "电动车进楼充电", "飞线充电"),
            c("治安隐患", "群租房", 600, p(0, 0.8, 0.2, 0, 0, 0, 0, 0), FLAT, SAFETY, 2.5, "疑似群租房", "出租房隔断群租"),
            c("治安隐患", "可疑人员", 300, p(0, 0.4, 0, 0, 0, 0, 0.6, 0), FLAT, SAFETY, 0.3, "可疑人员徘徊", "陌生人挨家推销"));

    private IncidentCatalog() {}

    private static SmallClass c(
            String big,
            String small,
            double weight,
            double[] places,
            double[] months,
            double[] levels,
            double slowness,
            String... texts) {
        return new SmallClass(big, small, weight, places, months, levels, slowness, List.of(texts));
    }

    /** Place weights in {@link Place} order. */
    private static double[] p(double... weights) {
        return weights;
    }
}

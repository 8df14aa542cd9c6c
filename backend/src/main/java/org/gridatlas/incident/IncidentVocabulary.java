package org.gridatlas.incident;

import java.util.HashMap;
import java.util.Map;

/** The words office exports use for sources, statuses and resolution levels, mapped to the stored codes. */
final class IncidentVocabulary {
    private static final Map<String, String> SOURCE = new HashMap<>();
    private static final Map<String, String> STATUS = new HashMap<>();
    private static final Map<String, String> LEVEL = new HashMap<>();

    static {
        words(SOURCE, "hotline_12345", "12345", "12345热线", "热线", "市长热线", "hotline", "12345hotline");
        words(SOURCE, "patrol", "巡查", "网格员巡查", "巡查上报", "城管巡查");
        words(SOURCE, "snapshot", "随手拍", "市民随手拍", "小程序", "公众上报");
        words(SOURCE, "video", "视频", "视频监控", "智能发现", "camera");
        words(SOURCE, "desk", "窗口", "社区窗口", "来访", "counter");
        words(SOURCE, "other", "其他", "其它");
        words(STATUS, "reported", "上报", "已上报", "待受理", "新建", "open", "new");
        words(STATUS, "accepted", "受理", "已受理", "立案", "已立案");
        words(STATUS, "dispatched", "派遣", "已派遣", "已派单", "处置中", "办理中");
        words(STATUS, "resolved", "办结", "已办结", "已处置", "处置完成");
        words(STATUS, "closed", "结案", "已结案", "已关闭", "关闭", "归档");
        words(LEVEL, "community", "社区", "社区级", "网格", "社区网格");
        words(LEVEL, "department", "部门", "职能部门", "部门级");
        words(LEVEL, "street", "街道", "街道级", "街道吹哨");
    }

    private IncidentVocabulary() {}

    private static void words(Map<String, String> map, String code, String... words) {
        map.put(code, code);
        for (String w : words) map.put(w.toLowerCase(), code);
    }

    static String source(String v) {
        return v == null ? null : SOURCE.getOrDefault(v.strip().toLowerCase(), v);
    }

    static String status(String v) {
        return v == null ? null : STATUS.getOrDefault(v.strip().toLowerCase(), v);
    }

    static String level(String v) {
        return v == null ? null : LEVEL.getOrDefault(v.strip().toLowerCase(), v);
    }
}

package org.gridatlas.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an incident file and the headers that name them in the exports of the 12345 hotline, the digital
 * urban-management system, patrol apps and snapshot mini-programs (Chinese first, then English). The field names
 * themselves (gis-data/schemas/README.md) are always accepted.
 */
final class IncidentColumns {
    static final Map<String, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put("external_id", List.of("工单编号", "工单号", "事件编号", "案件编号", "案卷编号", "编号", "id", "ticket_id"));
        SYNONYMS.put("source", List.of("来源", "事件来源", "案件来源", "渠道", "source_type"));
        SYNONYMS.put("category_big", List.of("大类", "事件大类", "问题大类", "一级分类", "big_class"));
        SYNONYMS.put("category_small", List.of("小类", "事件小类", "问题小类", "二级分类", "small_class"));
        SYNONYMS.put("description", List.of("问题描述", "事件描述", "诉求内容", "描述", "内容", "desc"));
        SYNONYMS.put("reported_at", List.of("上报时间", "受理时间", "来电时间", "发现时间", "reported", "report_time"));
        SYNONYMS.put("accepted_at", List.of("立案时间", "接单时间", "accepted"));
        SYNONYMS.put("dispatched_at", List.of("派遣时间", "派单时间", "dispatched"));
        SYNONYMS.put("resolved_at", List.of("办结时间", "处置时间", "处置完成时间", "resolved"));
        SYNONYMS.put("closed_at", List.of("结案时间", "关闭时间", "closed"));
        SYNONYMS.put("status", List.of("状态", "办理状态", "案件状态", "state"));
        SYNONYMS.put("resolution_level", List.of("处置层级", "办结层级", "解决层级", "level"));
        SYNONYMS.put("satisfaction", List.of("满意度", "满意度评分", "评价", "rating"));
        SYNONYMS.put("lon", List.of("经度", "x", "lng", "long", "longitude", "x坐标"));
        SYNONYMS.put("lat", List.of("纬度", "y", "latitude", "y坐标"));
        SYNONYMS.put("address", List.of("事发地址", "地址", "事发地点", "发生地址", "位置", "location"));
        SYNONYMS.put("reporter_name", List.of("反映人", "来电人", "上报人", "联系人", "reporter"));
        SYNONYMS.put("reporter_phone", List.of("联系电话", "来电号码", "电话", "手机", "phone"));
    }

    /** The columns a file must have; the times, status and coordinates may be missing when the row says why. */
    static final Set<String> REQUIRED =
            Set.of("external_id", "source", "category_big", "category_small", "reported_at");

    /** Columns whose values are personal data: masked in the reject report, never logged. */
    static final Set<String> PERSONAL = Set.of("reporter_name", "reporter_phone");

    private IncidentColumns() {}
}

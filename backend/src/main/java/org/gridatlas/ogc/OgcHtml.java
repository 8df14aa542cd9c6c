package org.gridatlas.ogc;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The HTML encoding of the OGC API resources: plain pages with the same content and links as the JSON. */
@Component
class OgcHtml {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    String landing(Map<String, Object> body) {
        return page((String) body.get("title"), "<p>" + esc((String) body.get("description")) + "</p>" + links(body));
    }

    String conformance(Map<String, Object> body) {
        StringBuilder s = new StringBuilder("<ul>");
        for (Object c : (List<?>) body.get("conformsTo"))
            s.append("<li>").append(esc(c.toString())).append("</li>");
        return page("Conformance 符合性", s.append("</ul>").append(links(body)).toString());
    }

    String collections(Map<String, Object> body) {
        StringBuilder s = new StringBuilder("<table><tr><th>id</th><th>title</th><th>description</th></tr>");
        for (Object o : (List<?>) body.get("collections")) {
            Map<?, ?> c = (Map<?, ?>) o;
            s.append("<tr><td><a href=\"collections/")
                    .append(esc(c.get("id").toString()))
                    .append("?f=html\">")
                    .append(esc(c.get("id").toString()))
                    .append("</a></td><td>")
                    .append(esc(c.get("title").toString()))
                    .append("</td><td>")
                    .append(esc(c.get("description").toString()))
                    .append("</td></tr>");
        }
        return page("Collections 图层", s.append("</table>").append(links(body)).toString());
    }

    String collection(Map<String, Object> body) {
        return page(
                (String) body.get("title"),
                "<p>" + esc((String) body.get("description")) + "</p><pre>"
                        + esc(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body.get("extent")))
                        + "</pre>" + links(body));
    }

    String items(OgcCollection c, String featureCollection) {
        JsonNode fc = MAPPER.readTree(featureCollection);
        StringBuilder s = new StringBuilder("<p>numberMatched ")
                .append(fc.get("numberMatched").asInt())
                .append(", numberReturned ")
                .append(fc.get("numberReturned").asInt())
                .append("</p><table>");
        boolean header = true;
        for (JsonNode f : fc.get("features")) {
            JsonNode props = f.get("properties");
            if (header) {
                s.append("<tr><th>id</th>");
                props.propertyNames()
                        .forEach(n -> s.append("<th>").append(esc(n)).append("</th>"));
                s.append("</tr>");
                header = false;
            }
            String id = f.get("id").asString();
            s.append("<tr><td><a href=\"items/")
                    .append(esc(id))
                    .append("?f=html\">")
                    .append(esc(id))
                    .append("</a></td>");
            props.values().forEach(v -> s.append("<td>")
                    .append(esc(v.isNull() ? "" : v.asString()))
                    .append("</td>"));
            s.append("</tr>");
        }
        s.append("</table>").append(jsonLinks(fc.get("links")));
        return page(c.title(), s.toString());
    }

    String item(OgcCollection c, String feature) {
        JsonNode f = MAPPER.readTree(feature);
        StringBuilder s = new StringBuilder("<table>");
        Iterator<Map.Entry<String, JsonNode>> it =
                f.get("properties").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            s.append("<tr><th>")
                    .append(esc(e.getKey()))
                    .append("</th><td>")
                    .append(esc(e.getValue().isNull() ? "" : e.getValue().asString()))
                    .append("</td></tr>");
        }
        s.append("</table>").append(jsonLinks(f.get("links")));
        return page(c.title() + " — " + f.get("id").asString(), s.toString());
    }

    String apiDoc(String openApiJson) {
        return page(
                "API definition (OpenAPI 3.0)",
                "<p><a href=\"api?f=json\">JSON</a></p><pre>"
                        + esc(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(openApiJson)))
                        + "</pre>");
    }

    private static String links(Map<String, Object> body) {
        return jsonLinks(MAPPER.valueToTree(body.get("links")));
    }

    private static String jsonLinks(JsonNode links) {
        StringBuilder s = new StringBuilder("<h2>Links</h2><ul>");
        for (JsonNode l : links) {
            s.append("<li><a href=\"")
                    .append(esc(l.get("href").asString()))
                    .append("\">")
                    .append(esc(l.get("title").asString()))
                    .append("</a> (")
                    .append(esc(l.get("rel").asString()))
                    .append(", ")
                    .append(esc(l.get("type").asString()))
                    .append(")</li>");
        }
        return s.append("</ul>").toString();
    }

    private static String page(String title, String content) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " — GridAtlas OGC API</title><style>body{font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',"
                + "sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;"
                + "font-size:13px}</style></head><body><p><a href=\"/ogc?f=html\">GridAtlas OGC API – Features</a></p><h1>"
                + esc(title) + "</h1>" + content + "</body></html>";
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}

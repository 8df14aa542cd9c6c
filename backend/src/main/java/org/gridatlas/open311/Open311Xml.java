package org.gridatlas.open311;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The XML encoding of GeoReport v2 ({@code services.xml}, {@code requests.xml}, {@code requests/{id}.xml}): the same
 * records as the JSON answers, written element by element in the spec's shapes ({@code <services><service>…},
 * {@code <service_requests><request>…}). A null field is an empty element, as in the spec's examples; times are W3C
 * date-times with seconds. Written with the JDK's StAX writer, which escapes text (no XML library needed).
 */
final class Open311Xml {
    /** W3C date-time with seconds and offset ({@code OffsetDateTime.toString} drops zero seconds). */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Open311Xml() {}

    static String services(List<Open311Service.ServiceType> services) {
        return document("services", w -> {
            for (var s : services) {
                w.writeStartElement("service");
                element(w, "service_code", s.serviceCode());
                element(w, "service_name", s.serviceName());
                element(w, "description", s.description());
                element(w, "metadata", s.metadata());
                element(w, "type", s.type());
                element(w, "keywords", s.keywords());
                element(w, "group", s.group());
                w.writeEndElement();
            }
        });
    }

    static String requests(List<Open311Service.ServiceRequest> requests) {
        return document("service_requests", w -> {
            for (var r : requests) {
                w.writeStartElement("request");
                element(w, "service_request_id", r.serviceRequestId());
                element(w, "status", r.status());
                element(w, "status_notes", r.statusNotes());
                element(w, "service_name", r.serviceName());
                element(w, "service_code", r.serviceCode());
                element(w, "description", r.description());
                element(w, "agency_responsible", r.agencyResponsible());
                element(w, "requested_datetime", r.requestedDatetime());
                element(w, "updated_datetime", r.updatedDatetime());
                element(w, "address", r.address());
                element(w, "lat", r.lat());
                element(w, "long", r.lon());
                w.writeEndElement();
            }
        });
    }

    static String created(List<Open311Service.Created> created) {
        return document("service_requests", w -> {
            for (var c : created) {
                w.writeStartElement("request");
                element(w, "service_request_id", c.serviceRequestId());
                element(w, "service_notice", c.serviceNotice());
                element(w, "account_id", c.accountId());
                w.writeEndElement();
            }
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String document(String root, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("utf-8", "1.0");
            w.writeStartElement(root);
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing GeoReport XML failed", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        w.writeCharacters(value instanceof OffsetDateTime t ? W3C.format(t) : value.toString());
        w.writeEndElement();
    }
}

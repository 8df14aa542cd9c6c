package org.gridatlas.open311;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.incident.IncidentService;
import org.gridatlas.security.GridAtlasUser;
import org.gridatlas.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 at /open311/v2, JSON (suffix .json or none) and XML (suffix .xml, {@link Open311Xml}): GET
 * services, POST requests (form fields, with api_key), GET requests and GET requests/{id}. Reading requests needs an API key or a signed-in user; errors are problem+json naming the
 * Open311 parameter. Admins issue keys through POST /api/open311/keys.
 */
@RestController
class Open311Controller {
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private final Open311Service open311;
    private final IncidentService incidents;

    Open311Controller(Open311Service open311, IncidentService incidents) {
        this.open311 = open311;
        this.incidents = incidents;
    }

    @GetMapping({"/open311/v2/services.json", "/open311/v2/services"})
    List<Open311Service.ServiceType> services() {
        return open311.services();
    }

    @GetMapping(value = "/open311/v2/services.xml")
    ResponseEntity<String> servicesXml() {
        return xml(HttpStatus.OK, Open311Xml.services(open311.services()));
    }

    @PostMapping("/open311/v2/requests.xml")
    ResponseEntity<String> createXml(Form form) {
        return xml(HttpStatus.CREATED, Open311Xml.created(create(form)));
    }

    @GetMapping("/open311/v2/requests.xml")
    ResponseEntity<String> listXml(Query query, @AuthenticationPrincipal GridAtlasUser user) {
        return xml(HttpStatus.OK, Open311Xml.requests(list(query, user)));
    }

    @GetMapping(value = "/open311/v2/requests/{id}.xml")
    ResponseEntity<String> oneXml(
            @PathVariable("id") String id,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @AuthenticationPrincipal GridAtlasUser user) {
        return xml(HttpStatus.OK, Open311Xml.requests(one(id, apiKey, user)));
    }

    @PostMapping({"/open311/v2/requests.json", "/open311/v2/requests"})
    @ResponseStatus(HttpStatus.CREATED)
    List<Open311Service.Created> create(Form form) {
        String apiKey = form.apiKey(), serviceCode = form.serviceCode();
        Scope client = open311.client(apiKey)
                .orElseThrow(() -> new AccessDeniedException("POST requests needs a valid api_key"));
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new BadParameterException("service_code", "service_code is required (GET services)");
        }
        String name = String.join("", blank(form.lastName()), blank(form.firstName())); // family name first
        var report = new IncidentService.Report(
                serviceCode.strip(),
                form.description(),
                degrees("long", form.lon(), 180),
                degrees("lat", form.lat(), 90),
                form.address(),
                name.isEmpty() ? null : name,
                form.phone());
        var incident = incidents.report(report, "open311:" + apiKey.substring(0, Math.min(6, apiKey.length())), client);
        return List.of(new Open311Service.Created(incident.externalId(), "", null));
    }

    @GetMapping({"/open311/v2/requests.json", "/open311/v2/requests"})
    List<Open311Service.ServiceRequest> list(Query query, @AuthenticationPrincipal GridAtlasUser user) {
        String ids = query.ids();
        List<String> idList = ids == null || ids.isBlank()
                ? null
                : Arrays.stream(ids.split(",")).map(String::strip).toList();
        return open311.requests(
                idList,
                orNull(query.serviceCode()),
                orNull(query.status()),
                time("start_date", query.start()),
                time("end_date", query.end()),
                reader(query.apiKey(), user));
    }

    @GetMapping({"/open311/v2/requests/{id}.json", "/open311/v2/requests/{id}"})
    List<Open311Service.ServiceRequest> one(
            @PathVariable("id") String id,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @AuthenticationPrincipal GridAtlasUser user) {
        return List.of(open311.request(id, reader(apiKey, user)));
    }

    /** Issues an API key for a client app posting into one street (admin only; the key is shown once). */
    @PostMapping("/api/open311/keys")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> newKey(@RequestBody Map<String, String> body, @AuthenticationPrincipal GridAtlasUser user) {
        if (!Scope.ADMIN.equals(user.scope().role())) throw new AccessDeniedException("only admins issue keys");
        String name = body.get("name");
        if (name == null || name.isBlank()) throw new BadParameterException("name", "the client's name is required");
        String street = body.getOrDefault("street", user.scope().streetCode());
        if (!user.scope().coversStreet(street)) throw new AccessDeniedException("street outside your scope");
        return Map.of("api_key", open311.newKey(name.strip(), street), "street", street);
    }

    /** The form fields of POST requests (GeoReport v2 names), for the JSON and the XML endpoint alike. */
    record Form(
            @BindParam("api_key") String apiKey,
            @BindParam("service_code") String serviceCode,
            String lat,
            @BindParam("long") String lon,
            @BindParam("address_string") String address,
            String description,
            @BindParam("first_name") String firstName,
            @BindParam("last_name") String lastName,
            String phone) {}

    /** The query parameters of GET requests (GeoReport v2 names). */
    record Query(
            @BindParam("api_key") String apiKey,
            @BindParam("service_request_id") String ids,
            @BindParam("service_code") String serviceCode,
            String status,
            @BindParam("start_date") String start,
            @BindParam("end_date") String end) {}

    private Scope reader(String apiKey, GridAtlasUser user) {
        if (apiKey != null) {
            return open311.client(apiKey).orElseThrow(() -> new AccessDeniedException("unknown api_key"));
        }
        if (user == null) throw new AccessDeniedException("reading requests needs an api_key or a signed-in user");
        return user.scope();
    }

    private static Double degrees(String name, String value, double max) {
        if (value == null || value.isBlank()) return null;
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d) && Math.abs(d) <= max) return d;
        } catch (NumberFormatException e) {
            // named below
        }
        throw new BadParameterException(name, "'" + value + "' is not WGS84 degrees");
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(
                    name, "'" + value + "' is not a W3C date-time like 2026-03-13T08:05:00+08:00");
        }
    }

    /**
     * An XML answer with its type set here rather than by {@code produces}: a refused request must still get its
     * problem+json, which a handler that may only produce XML could not send.
     */
    private static ResponseEntity<String> xml(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(XML).body(body);
    }

    private static String orNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? "" : v.strip();
    }
}

package org.gridatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ImportController {
    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    /** Imports one file of the given kind, all or nothing; 422 problem+json with the rows at fault otherwise. */
    @PostMapping("/api/imports")
    @ResponseStatus(HttpStatus.CREATED)
    ImportSummary create(
            @RequestParam("file") MultipartFile file,
            @RequestParam("kind") String kind,
            @RequestParam(name = "encoding", required = false) String encoding,
            @AuthenticationPrincipal GridAtlasUser user)
            throws IOException {
        ImportKind k = ImportKind.parse(kind);
        try (InputStream in = file.getInputStream()) {
            return imports.run(k, file.getOriginalFilename(), in, charset(encoding), user.username(), user.scope());
        }
    }

    @GetMapping("/api/imports/{id}")
    ImportSummary get(@PathVariable("id") long id, @AuthenticationPrincipal GridAtlasUser user) {
        return imports.find(id, user.scope());
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadParameterException("encoding", "unknown encoding '" + encoding + "' (UTF-8, GB18030, GBK)");
        }
    }
}

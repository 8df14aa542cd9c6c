package org.gridatlas.worker;

import org.gridatlas.api.PageRequest;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WorkerController {
    private final WorkerService workers;

    WorkerController(WorkerService workers) {
        this.workers = workers;
    }

    @GetMapping("/api/workers")
    WorkerService.WorkerPage workers(
            @RequestParam(required = false) String community,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @AuthenticationPrincipal GridAtlasUser user) {
        return workers.workers(user.scope(), community, PageRequest.of(limit, offset, 500, 5000));
    }
}

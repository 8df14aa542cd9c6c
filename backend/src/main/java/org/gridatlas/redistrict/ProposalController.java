package org.gridatlas.redistrict;

import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Balanced proposals: start a job, poll its progress and result (a draft plan), cancel it. */
@RestController
class ProposalController {
    private final ProposalService proposals;

    ProposalController(ProposalService proposals) {
        this.proposals = proposals;
    }

    @PostMapping("/api/proposals")
    ResponseEntity<ProposalJob.View> start(
            @RequestBody ProposalRequest r, @AuthenticationPrincipal GridAtlasUser user) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(proposals.start(user, r));
    }

    @GetMapping("/api/proposals/{id}")
    ProposalJob.View job(@PathVariable long id, @AuthenticationPrincipal GridAtlasUser user) {
        return proposals.job(user, id);
    }

    @PostMapping("/api/proposals/{id}/cancel")
    ProposalJob.View cancel(@PathVariable long id, @AuthenticationPrincipal GridAtlasUser user) {
        return proposals.cancel(user, id);
    }
}

package io.leadrules.api;

import io.leadrules.calibrate.PreviewService;
import io.leadrules.limits.HeavyCall;
import io.leadrules.report.ReportPages.PreviewError;
import io.leadrules.report.ReportPages;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RulesetInvalidException;
import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The impact preview for a browser: {@code GET /reports/preview} is a form (candidate .drl files) that posts
 * {@code multipart/form-data} here; the answer is the same page as {@code POST /rules/preview} with
 * {@code Accept: text/html}. A signed-in session (or a key in the Authorization header) with the {@code analyst}
 * role is needed. Failures are problem+json as everywhere, except for browsers (text/html first in Accept), which
 * get the form again with the error above it and the same status.
 */
@Path("/reports/preview")
@RolesAllowed(Roles.ANALYST)
public class PreviewPageResource {

    /** As for {@code POST /rules/validate}'s paths; browsers send the bare file name. */
    private static final Pattern DRL_NAME = Pattern.compile("^(?!/)(?!.*\\.\\.)[\\w ./-]+\\.drl(\\.csv)?$");

    private final PreviewService previews;
    private final ReportPages pages;
    private final CallerPolicy callers;

    public PreviewPageResource(PreviewService previews, ReportPages pages, CallerPolicy callers) {
        this.previews = previews;
        this.pages = pages;
        this.callers = callers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String form() {
        return pages.previewForm(null);
    }

    @POST
    @HeavyCall
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    public Response run(@RestForm("files") List<FileUpload> files, @Context HttpHeaders headers) {
        try {
            String page = pages.preview(previews.preview(ruleFiles(files), callers.policy()));
            return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        } catch (InvalidUploadException | RulesetInvalidException e) {
            if (!Negotiation.wantsHtml(headers)) {
                throw e;
            }
            return formAgain(e);
        }
    }

    /** The chosen files as the candidate; none chosen (a browser then sends one nameless empty part) = null. */
    static List<RuleFile> ruleFiles(List<FileUpload> uploads) {
        List<RuleFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FileUpload upload : uploads == null ? List.<FileUpload>of() : uploads) {
            String name = upload.fileName();
            if (name == null || name.isBlank() || upload.uploadedFile() == null) {
                continue;
            }
            if (!DRL_NAME.matcher(name).matches()) {
                throw new InvalidUploadException(name, "\"" + name + "\" is not a rule file: choose the candidate's "
                        + ".drl files (and .drl.csv point tables) only");
            }
            if (!names.add(name)) {
                throw new InvalidUploadException(name, "\"" + name + "\" was chosen twice");
            }
            files.add(new RuleFile(name, read(upload)));
        }
        return files.isEmpty() ? null : files;
    }

    private static String read(FileUpload upload) {
        try {
            return Files.readString(upload.uploadedFile(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidUploadException(upload.fileName(), "\"" + upload.fileName() + "\" is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded " + upload.fileName(), e);
        }
    }

    private Response formAgain(RuntimeException e) {
        int status;
        PreviewError error;
        if (e instanceof RulesetInvalidException invalid) {
            status = 422;
            error = new PreviewError("The candidate rules are invalid",
                    invalid.problems().size() + " error(s); fix them and choose the files again.", invalid.problems());
        } else {
            status = 400;
            error = new PreviewError("A file cannot be used", e.getMessage(), List.of());
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.previewForm(error)).build();
    }
}

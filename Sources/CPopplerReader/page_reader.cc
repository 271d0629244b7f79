// Opens documents and reads pages with poppler's core library, through an output device that
// records glyphs (GlyphCollector) and shapes (ShapeCollector) and draws nothing: no glyph is
// rasterised, no image decoded. One pass over the page's content gives everything.
#include "cpopplerreader.h"
#include "glyph_collector.h"
#include "shape_collector.h"

#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <goo/GooString.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

namespace {

/// A file mapped into memory, read-only. poppler reads a file through a 256-byte buffer, one
/// system call per refill; reading from memory spares those calls (a tenth of a small page's time).
struct MappedFile {
    const char *bytes = nullptr;
    size_t size = 0;

    explicit MappedFile(const char *path) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            void *p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                bytes = static_cast<const char *>(p);
                size = static_cast<size_t>(st.st_size);
            }
        }
        close(fd);
    }
    ~MappedFile() {
        if (bytes) munmap(const_cast<char *>(bytes), size);
    }
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
};

}  // namespace

struct gp_document {
    // Destroyed in reverse order: the document, then the bytes it reads, then the global count.
    // poppler's global parameters live while any document does, counted across everyone using
    // the library in this process (poppler-glib counts the same way and clears them when its last
    // document goes): so each document holds a count of its own.
    std::unique_ptr<GlobalParamsIniter> globals;
    std::unique_ptr<MappedFile> file;
    std::unique_ptr<PDFDoc> doc;
};

namespace {

class PageRecorder final : public OutputDev {
public:
    explicit PageRecorder(bool withPaths) : withPaths(withPaths) { }

    GlyphCollector text;
    ShapeCollector shapes;

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }
    bool needCharCount() override { return false; }
    // Shadings and tiling patterns are recorded whole, not as the many small fills Gfx would
    // otherwise break them into.
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int) override { return true; }

    void startPage(int, GfxState *state, XRef *) override { text.startPage(state); }
    void endPage() override { text.finish(); }
    void updateFont(GfxState *state) override { text.updateFont(state); }
    void drawChar(GfxState *state, double x, double y, double dx, double dy, double, double, CharCode code, int,
                  const Unicode *u, int uLen) override {
        text.addChar(state, x, y, dx, dy, code, u, uLen);
    }

    void beginActualText(GfxState *, const GooString *actualText) override { text.beginActualText(actualText); }
    void endActualText(GfxState *state) override { text.endActualText(state); }

    void stroke(GfxState *state) override { if (withPaths) shapes.addPath(state, GP_STROKE); }
    void fill(GfxState *state) override { if (withPaths) shapes.addPath(state, GP_FILL); }
    void eoFill(GfxState *state) override { if (withPaths) shapes.addPath(state, GP_FILL); }

    bool tilingPatternFill(GfxState *state, Gfx *, Catalog *, GfxTilingPattern *, const double *, int, int, int, int,
                           double, double) override {
        shapes.addPaintedClip(state);
        return true;
    }
    bool functionShadedFill(GfxState *state, GfxFunctionShading *) override { return shading(state); }
    bool axialShadedFill(GfxState *state, GfxAxialShading *, double, double) override { return shading(state); }
    bool radialShadedFill(GfxState *state, GfxRadialShading *, double, double) override { return shading(state); }
    bool gouraudTriangleShadedFill(GfxState *state, GfxGouraudTriangleShading *) override { return shading(state); }
    bool patchMeshShadedFill(GfxState *state, GfxPatchMeshShading *) override { return shading(state); }

    void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate,
                       bool inlineImg) override {
        shapes.addImage(state);
        OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
    }
    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
                   bool interpolate, const int *maskColors, bool inlineImg) override {
        shapes.addImage(state);
        OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    }
    void drawMaskedImage(GfxState *state, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int,
                         bool, bool) override {
        shapes.addImage(state);
    }
    void drawSoftMaskedImage(GfxState *state, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int,
                             int, GfxImageColorMap *, bool) override {
        shapes.addImage(state);
    }

private:
    bool withPaths;

    bool shading(GfxState *state) {
        shapes.addPaintedClip(state);
        return true;
    }
};

template <typename T> T *copyOut(const std::vector<T> &v) {
    if (v.empty()) return nullptr;
    T *p = static_cast<T *>(std::malloc(v.size() * sizeof(T)));
    if (p) std::memcpy(p, v.data(), v.size() * sizeof(T));
    return p;
}

/// Galley reports problems itself; poppler's own messages on standard error would only confuse.
/// ...but syntax errors are counted: a page whose text they cost is damaged, not empty.
size_t syntaxErrors = 0;
void ignorePopplerMessage(ErrorCategory category, Goffset, const char *) {
    if (category == errSyntaxError) ++syntaxErrors;
}

/// What poppler's abort check asks while it reads a page: whether its time is up or its glyphs full.
struct ReadingBudget {
    std::chrono::steady_clock::time_point deadline;
    bool timed = false;
    const GlyphCollector *text = nullptr;
    int stopped = GP_STOPPED_NONE;

    static bool check(void *data) {
        auto *b = static_cast<ReadingBudget *>(data);
        if (b->text->full) b->stopped = GP_STOPPED_GLYPHS;
        else if (b->timed && std::chrono::steady_clock::now() > b->deadline) b->stopped = GP_STOPPED_TIME;
        return b->stopped != GP_STOPPED_NONE;
    }
};

}  // namespace

extern "C" gp_document *gp_document_open(const char *path, const char *password, int *status, char *message,
                                         size_t message_size) {
    auto globals = std::make_unique<GlobalParamsIniter>(ignorePopplerMessage);
    if (message && message_size) message[0] = 0;
    std::optional<GooString> pw;
    if (password) pw = GooString(password);
    auto file = std::make_unique<MappedFile>(path);
    std::unique_ptr<PDFDoc> doc;
    if (file->bytes) {
        doc = std::make_unique<PDFDoc>(new MemStream(file->bytes, 0, static_cast<Goffset>(file->size), Object(objNull)),
                                       pw, pw);
    } else {
        doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path), pw, pw);
    }
    if (!doc->isOk()) {
        int code = doc->getErrorCode();
        *status = code == errEncrypted ? GP_OPEN_ENCRYPTED : code == errOpenFile ? GP_OPEN_UNREADABLE : GP_OPEN_DAMAGED;
        if (message && message_size) {
            const char *what = code == errEncrypted ? "the document is encrypted"
                               : code == errOpenFile ? "the file cannot be opened"
                               : code == errBadCatalog ? "its page catalog cannot be read"
                                                       : "the file is damaged";
            std::snprintf(message, message_size, "%s (poppler error %d)", what, code);
        }
        return nullptr;
    }
    *status = GP_OPEN_OK;
    auto *d = new gp_document;
    d->globals = std::move(globals);
    d->file = std::move(file);
    d->doc = std::move(doc);
    return d;
}

extern "C" void gp_document_close(gp_document *doc) { delete doc; }

extern "C" int gp_document_page_count(const gp_document *doc) { return doc ? doc->doc->getNumPages() : 0; }

/// Page `index` (0-based) of `doc`, or null where there is no such page or it cannot be loaded.
static Page *pageAt(gp_document *doc, int index) {
    if (!doc || index < 0 || index >= doc->doc->getNumPages()) return nullptr;
    return doc->doc->getPage(index + 1);
}

extern "C" int gp_page_size(gp_document *doc, int index, double *width, double *height) {
    Page *page = pageAt(doc, index);
    if (!page) return -1;
    double w = page->getCropWidth(), h = page->getCropHeight();
    int rotate = page->getRotate();
    bool turned = rotate == 90 || rotate == 270;
    *width = turned ? h : w;
    *height = turned ? w : h;
    return 0;
}

extern "C" int gp_page_read(gp_document *doc, int index, int with_paths, const gp_page_limits *limits,
                            gp_page_content *out) {
    std::memset(out, 0, sizeof *out);
    size_t errorsBefore = syntaxErrors;
    Page *page = pageAt(doc, index);
    if (!page) return -1;
    PageRecorder recorder(with_paths != 0);
    ReadingBudget budget;
    budget.text = &recorder.text;
    if (limits && limits->max_glyphs > 0) recorder.text.maxGlyphs = limits->max_glyphs;
    if (limits && limits->seconds > 0 && std::isfinite(limits->seconds)) {
        budget.timed = true;
        budget.deadline = std::chrono::steady_clock::now() +
                          std::chrono::microseconds(static_cast<long long>(std::min(limits->seconds, 1e9) * 1e6));
    }
    // One unit per point, the page's own rotation, the crop box: coordinates as poppler-glib gives them.
    page->displaySlice(&recorder, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, ReadingBudget::check, &budget);
    out->stopped = recorder.text.full ? GP_STOPPED_GLYPHS : budget.stopped;
    out->errors = syntaxErrors - errorsBefore;
    out->shapes = copyOut(recorder.shapes.shapes);
    out->shape_count = recorder.shapes.shapes.size();
    out->subpaths = copyOut(recorder.shapes.subpaths);
    out->subpath_count = recorder.shapes.subpaths.size();
    out->points = copyOut(recorder.shapes.points);
    out->point_count = recorder.shapes.points.size();
    out->glyphs = copyOut(recorder.text.glyphs);
    out->glyph_count = recorder.text.glyphs.size();
    const auto &fonts = recorder.text.fonts;
    if (!fonts.empty()) {
        out->fonts = static_cast<char **>(std::calloc(fonts.size(), sizeof(char *)));
        if (out->fonts) {
            for (size_t i = 0; i < fonts.size(); i++) out->fonts[i] = strdup(fonts[i].c_str());
            out->font_count = fonts.size();
        }
        out->font_info = copyOut(recorder.text.fontDetails);
    }
    return 0;
}

extern "C" void gp_page_content_free(gp_page_content *content) {
    if (!content) return;
    std::free(content->shapes);
    std::free(content->subpaths);
    std::free(content->points);
    std::free(content->glyphs);
    for (size_t i = 0; i < content->font_count; i++) std::free(content->fonts[i]);
    std::free(content->fonts);
    std::free(content->font_info);
    std::memset(content, 0, sizeof *content);
}

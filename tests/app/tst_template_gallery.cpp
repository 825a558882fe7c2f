// SPDX-License-Identifier: MIT
#include "CardGeometry.h"
#include "Catalog.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "MainWindow.h"
#include "TemplateLibrary.h"
#include "canvas/CardStyle.h"
#include "dialogs/TemplateGallery.h"
#include "dialogs/TemplateThumbnails.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLineEdit>
#include <QListView>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace mls;

/// File → New from Template: the gallery lists every template with a real thumbnail, the
/// search filters by tag, and opening gives an untitled copy (never the shipped file).
class TestTemplateGallery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsEveryTemplateWithThumbnail();
    void searchFiltersByTagAndName();
    void openMakesUntitledCopy();
    void userTemplateListedAfterBuiltIns();
    void sharedTemplatesDeduplicated();
    void labelsFitOnCards();
    void screenshot();

private:
    QString userTemplate() const;
};

namespace {

/// Distinct colours of @p image, counted up to @p cap.
int distinctColours(const QImage &image, int cap = 1000)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            colours.insert(image.pixel(x, y));
            if (colours.size() >= cap)
                return cap;
        }
    return int(colours.size());
}

QStringList templateFiles()
{
    return QDir(QStringLiteral(MLS_SOURCE_DIR "/templates"))
        .entryList({QStringLiteral("*.mlsketch")}, QDir::Files, QDir::Name);
}

} // namespace

QString TestTemplateGallery::userTemplate() const
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("templates/zz_my_design.mlsketch"));
}

void TestTemplateGallery::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("mlsketch"));
    QCoreApplication::setApplicationName(QStringLiteral("mlsketch"));
    QString error;
    QVERIFY2(Catalog::loadBuiltin(&error), qPrintable(error));
    QFile::remove(userTemplate());
}

void TestTemplateGallery::cleanupTestCase()
{
    QFile::remove(userTemplate());
}

void TestTemplateGallery::listsEveryTemplateWithThumbnail()
{
    TemplateGallery gallery;
    const QStringList files = templateFiles();
    QVERIFY(files.size() >= 14);
    QCOMPARE(gallery.templates().size(), files.size()); // all compiled in, none skipped
    QCOMPARE(gallery.visibleNames().size(), files.size());
    gallery.renderAllThumbnails();
    for (int row = 0; row < gallery.templates().size(); ++row) {
        const TemplateInfo &t = gallery.templates()[row];
        QVERIFY2(files.contains(t.name + QStringLiteral(".mlsketch")), qPrintable(t.name));
        QVERIFY2(!t.summary.isEmpty() && !t.tags.isEmpty(), qPrintable(t.name));
        const QImage image = gallery.thumbnail(row);
        QVERIFY2(!image.isNull(), qPrintable(t.name));
        // A drawn diagram: cards, icons, arrows and zones give many colours; a blank or
        // placeholder picture has a handful.
        const int colours = distinctColours(image);
        QVERIFY2(colours > 60,
                 qPrintable(t.name + QStringLiteral(": ") + QString::number(colours)));
    }
}

void TestTemplateGallery::searchFiltersByTagAndName()
{
    TemplateGallery gallery;
    const int all = gallery.visibleNames().size();
    QTest::keyClicks(gallery.searchField(), QStringLiteral("LLM")); // a tag, any case
    QCOMPARE(gallery.visibleNames(), QStringList{QStringLiteral("rag_assistant")});
    QCOMPARE(gallery.current().name, QStringLiteral("rag_assistant"));

    gallery.searchField()->setText(QStringLiteral("book chapter"));
    QCOMPARE(gallery.visibleNames().size(), 10);
    QVERIFY(!gallery.visibleNames().contains(QStringLiteral("rag_assistant")));

    gallery.searchField()->setText(QStringLiteral("street view")); // the title
    QCOMPARE(gallery.visibleNames(), QStringList{QStringLiteral("street_view_blurring")});
    gallery.searchField()->setText(QStringLiteral("fraud_det")); // the file name
    QCOMPARE(gallery.visibleNames(), QStringList{QStringLiteral("realtime_fraud_detection")});

    gallery.searchField()->setText(QStringLiteral("no such template"));
    QVERIFY(gallery.visibleNames().isEmpty());
    QVERIFY(!gallery.current().isValid()); // nothing to open

    gallery.searchField()->clear();
    QCOMPARE(gallery.visibleNames().size(), all);
    QVERIFY(gallery.current().isValid());
}

void TestTemplateGallery::openMakesUntitledCopy()
{
    TemplateGallery gallery;
    QVERIFY(gallery.selectTemplate(QStringLiteral("video_recommendation")));
    QCOMPARE(gallery.current().name, QStringLiteral("video_recommendation"));
    // Enter on the grid accepts the dialog, as a double-click does.
    gallery.show();
    gallery.listView()->setFocus();
    QTest::keyClick(gallery.listView(), Qt::Key_Return);
    QCOMPARE(gallery.result(), int(QDialog::Accepted));

    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    QVERIFY(window->openFileInteractive(gallery.current().path));
    QVERIFY(window->filePath().isEmpty()); // untitled: Save asks where
    QVERIFY(!window->isModified());
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("Video recommendation")) ||
            window->windowTitle().startsWith(QStringLiteral("Untitled")));
    QCOMPARE(int(window->diagram()->components().size()), gallery.current().componentCount);
    delete window;
}

void TestTemplateGallery::userTemplateListedAfterBuiltIns()
{
    // A design the user keeps in AppDataLocation/templates: listed after the built-in ones,
    // and it opens as an untitled copy too, so Save never overwrites it by accident.
    QVERIFY(QDir().mkpath(QFileInfo(userTemplate()).absolutePath()));
    QVERIFY(QFile::copy(QStringLiteral(MLS_TEST_DATA_DIR "/good/small.mlsketch"), userTemplate()));
    TemplateGallery gallery;
    const TemplateInfo last = gallery.templates().constLast();
    QCOMPARE(last.name, QStringLiteral("zz_my_design"));
    QCOMPARE(last.source, TemplateInfo::Source::User);
    QVERIFY(TemplateLibrary::isTemplatePath(last.path));
    QVERIFY(
        !TemplateLibrary::isTemplatePath(QStringLiteral(MLS_TEST_DATA_DIR "/good/small.mlsketch")));
    MainWindow window;
    QString error;
    QVERIFY2(window.openFile(last.path, &error), qPrintable(error));
    QVERIFY(window.filePath().isEmpty());
    QVERIFY(QFile::remove(userTemplate()));
}

void TestTemplateGallery::sharedTemplatesDeduplicated()
{
    // An installed mlsketch also reads <exe dir>/../share/mlsketch/templates; a file there
    // named like a built-in template is skipped (the compiled-in one wins).
    const QString shared = TemplateLibrary::folders().constFirst();
    QVERIFY(shared.endsWith(QStringLiteral("/share/mlsketch/templates")));
    QVERIFY(QDir().mkpath(shared));
    const QString extra = QDir(shared).filePath(QStringLiteral("team_design.mlsketch"));
    const QString clash = QDir(shared).filePath(QStringLiteral("rag_assistant.mlsketch"));
    const QString small = QStringLiteral(MLS_TEST_DATA_DIR "/good/small.mlsketch");
    QFile::remove(extra);
    QFile::remove(clash);
    QVERIFY(QFile::copy(small, extra));
    QVERIFY(QFile::copy(small, clash));
    const QVector<TemplateInfo> all = TemplateLibrary::all();
    QFile::remove(extra);
    QFile::remove(clash);
    QCOMPARE(all.constLast().name, QStringLiteral("team_design"));
    QCOMPARE(all.constLast().source, TemplateInfo::Source::Shared);
    int rag = 0;
    for (const TemplateInfo &t : all) {
        if (t.name == QLatin1String("rag_assistant")) {
            ++rag;
            QCOMPARE(t.source, TemplateInfo::Source::BuiltIn);
        }
    }
    QCOMPARE(rag, 1);
    QCOMPARE(TemplateLibrary::find(QStringLiteral("rag_assistant")).title,
             QStringLiteral("RAG assistant"));
}

void TestTemplateGallery::labelsFitOnCards()
{
    // A reference design is read on the board: every label shows whole, on one to three lines,
    // and in the real font each line fits the width the card wrapped it to (the estimate of
    // CardGeometry is generous enough that no line has to be narrowed).
    const QFontMetricsF metrics(CardStyle::light().labelFont());
    QStringList tooLong;
    for (const TemplateInfo &t : TemplateLibrary::all()) {
        const ReadResult read = DiagramReader::readFile(t.path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        for (const Component &c : read.diagram->components()) {
            const CardGeometry::CardText card = CardGeometry::layout(c);
            QCOMPARE(card.lines.join(QLatin1Char(' ')), c.label.simplified());
            QVERIFY(card.lines.size() <= CardGeometry::maxLabelLines);
            for (const QString &line : card.lines) {
                if (metrics.horizontalAdvance(line) > card.textWidth) {
                    tooLong << t.name + QStringLiteral(": ") + line;
                    qWarning("%s: \"%s\" is %.0f px, the card has %.0f", qPrintable(t.name),
                             qPrintable(line), metrics.horizontalAdvance(line), card.textWidth);
                }
            }
        }
    }
    QVERIFY2(tooLong.isEmpty(),
             qPrintable(QString::number(tooLong.size()) +
                        QStringLiteral(" lines narrowed, first: ") + tooLong.value(0)));
}

void TestTemplateGallery::screenshot()
{
    // The gallery as a person sees it, and every template drawn large: kept in the build
    // folder for people to look at.
    TemplateGallery gallery;
    gallery.renderAllThumbnails();
    gallery.show();
    QVERIFY(QTest::qWaitForWindowExposed(&gallery));
    const QString dir = QStringLiteral(MLS_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(dir));
    const QImage shot = gallery.grab().toImage();
    QVERIFY(shot.save(dir + QStringLiteral("/template_gallery.png")));
    QVERIFY(distinctColours(shot) > 100);
    gallery.searchField()->setText(QStringLiteral("ranking"));
    QVERIFY(gallery.visibleNames().size() >= 3);
    QVERIFY(gallery.grab().save(dir + QStringLiteral("/template_gallery_search.png")));
    for (const TemplateInfo &t : gallery.templates()) {
        ReadResult read = DiagramReader::readFile(t.path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        const QImage big = TemplateThumbnails::render(*read.diagram, QSize(2400, 1400));
        QVERIFY(big.save(dir + QStringLiteral("/template_%1.png").arg(t.name)));
    }
}

QTEST_MAIN(TestTemplateGallery)
#include "tst_template_gallery.moc"

// SPDX-License-Identifier: MIT
#include "DesignReview.h"
#include "Diagram.h"
#include "MainWindow.h"
#include "canvas/DiagramView.h"
#include "commands/AddItemsCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "commands/SetMetaCommand.h"
#include "panels/LatencyPanel.h"
#include "panels/ProblemsPanel.h"
#include "rules/RuleController.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QSet>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWindow>

using namespace mls;

/// The main window on a real X display (Xvfb): the reference template opened, shown, and
/// grabbed from the screen as a user would see it. The picture is kept for people to look at.
class TestWindowScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void templateOnScreen();
    void flawedDesignOnScreen();
};

namespace {

/// Distinct colours in @p rect of @p image, counted up to @p cap.
int distinctColours(const QImage &image, const QRect &rect, int cap = 100000)
{
    QSet<QRgb> colours;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            colours.insert(image.pixel(x, y));
            if (colours.size() >= cap)
                return cap;
        }
    return int(colours.size());
}

/// Share of the pixels in @p rect that differ from its most common colour (the background).
double inkShare(const QImage &image, const QRect &rect)
{
    QHash<QRgb, int> counts;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            ++counts[image.pixel(x, y)];
    int background = 0;
    for (int n : std::as_const(counts))
        background = std::max(background, n);
    const int total = rect.width() * rect.height();
    return total > 0 ? double(total - background) / total : 0.0;
}

/// Pixels in @p rect close to @p colour (the badges' fill).
int pixelsNear(const QImage &image, const QRect &rect, const QColor &colour)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                     std::abs(c.blue() - colour.blue()) <
                 40;
        }
    return n;
}

QImage grab(QWidget *window, const QString &name)
{
    QTest::qWait(600);
    const QImage shot = window->windowHandle()
                            ->screen()
                            ->grabWindow(window->winId())
                            .toImage()
                            .convertToFormat(QImage::Format_RGB32);
    const QString out = QStringLiteral(MLS_SCREENSHOT_DIR "/") + name;
    QDir().mkpath(QFileInfo(out).absolutePath());
    if (!shot.save(out))
        qWarning("cannot save %s", qPrintable(out));
    qInfo("screenshot: %s (%dx%d)", qPrintable(out), shot.width(), shot.height());
    return shot;
}

} // namespace

void TestWindowScreenshot::initTestCase()
{
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        QSKIP("needs a real X display (run under xvfb-run with QT_QPA_PLATFORM=xcb)");
}

void TestWindowScreenshot::templateOnScreen()
{
    const QString templatePath =
        QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");
    auto *window = new MainWindow; // deletes itself on close
    QString error;
    QVERIFY2(window->openFile(templatePath, &error), qPrintable(error));
    window->resize(1400, 900);
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window, 30000));
    QTest::qWait(1000); // the queued fit-to-content, the docks' layout, the X server's copy

    QScreen *screen = window->windowHandle()->screen();
    QVERIFY(screen);
    const QImage shot =
        screen->grabWindow(window->winId()).toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(!shot.isNull());
    const QString out = QStringLiteral(MLS_SCREENSHOT_DIR "/main_window.png");
    QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
    QVERIFY2(shot.save(out), qPrintable(out));
    qInfo("screenshot: %s (%dx%d)", qPrintable(out), shot.width(), shot.height());

    // A real picture: icons, text and cards, not one flat colour or a black unexposed area.
    const double dpr = shot.width() / double(window->width());
    QVERIFY2(shot.width() >= 1000 && shot.height() >= 600,
             qPrintable(QStringLiteral("%1x%2").arg(shot.width()).arg(shot.height())));
    const int colours = distinctColours(shot, shot.rect());
    QVERIFY2(colours > 50, qPrintable(QString::number(colours)));

    // The canvas shows the diagram: many colours (cards, icons, arrows) and enough ink.
    const QRect viewport(window->view()->viewport()->mapTo(window, QPoint(0, 0)),
                         window->view()->viewport()->size());
    const QRect canvas = QRect(viewport.topLeft() * dpr, viewport.size() * dpr) & shot.rect();
    QVERIFY(canvas.width() > 400 && canvas.height() > 300);
    const int canvasColours = distinctColours(shot, canvas);
    QVERIFY2(canvasColours > 30, qPrintable(QString::number(canvasColours)));
    const double ink = inkShare(shot, canvas);
    QVERIFY2(ink > 0.03 && ink < 0.97, qPrintable(QString::number(ink)));

    QVERIFY(window->close());
}

void TestWindowScreenshot::flawedDesignOnScreen()
{
    auto *window = new MainWindow; // deletes itself on close
    QString error;
    QVERIFY2(window->openFile(
                 QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch"), &error),
             qPrintable(error));
    // Three flaws a learner makes: the ranker gets no model, the API calls the trainer, and
    // the budget is tighter than the request path.
    Diagram *d = window->diagram();
    window->undoStack()->push(new RemoveItemsCommand(d, {}, {"e18"}));
    Connection bad;
    bad.id = "bad";
    bad.from = "api";
    bad.to = "trainer";
    bad.flow = "requests";
    window->undoStack()->push(AddItemsCommand::connect(d, bad));
    Meta meta = d->meta();
    meta.latencyBudgetMs = 60;
    window->undoStack()->push(new SetMetaCommand(d, meta));
    window->resize(1280, 800);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window, 30000));
    DesignReview *review = window->designReview();
    review->rules()->flush();
    QCOMPARE(review->statusButton()->text(), QString("2 errors · 1 warning"));
    review->problemsDock()->raise();
    FindingsModel *findings = review->problems()->findings();
    QTRY_COMPARE(findings->rows(ProblemsPanel::Section::Errors).size(), 2);
    QVERIFY(review->problems()->selectFinding(
        findings->rows(ProblemsPanel::Section::Errors).constFirst().key));
    QTest::qWait(400);
    const QImage problems = grab(window, "main_window_problems.png");

    const double dpr = problems.width() / double(window->width());
    auto onShot = [&](QWidget *w) {
        const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
        return QRect(r.topLeft() * dpr, r.size() * dpr) & problems.rect();
    };
    // Error badges on the board, the dock lists and explains.
    const QRect canvas = onShot(window->view()->viewport());
    const int red = pixelsNear(problems, canvas, QColor(0xDC, 0x26, 0x26));
    QVERIFY2(red > 20, qPrintable(QString::number(red)));
    QVERIFY(!review->problems()->details()->isHidden());
    const QRect details = onShot(review->problems()->details());
    QVERIFY(details.height() > 80);
    QVERIFY(inkShare(problems, details) > 0.02);

    // The Latency tab with the critical path highlighted on the board.
    review->latencyDock()->raise();
    review->latency()->showPathButton()->setChecked(true);
    const QImage latency = grab(window, "main_window_latency.png");
    const int violet = pixelsNear(latency, onShot(window->view()->viewport()),
                                  QColor(0xC5, 0xAE, 0xFB)); // the halo blended on the canvas
    qInfo("path halo pixels: %d", violet);
    QVERIFY(review->latency()->tree()->topLevelItem(0)->text(2).startsWith("over the"));

    window->undoStack()->setClean(); // nothing to ask on close
    QVERIFY(window->close());
}

QTEST_MAIN(TestWindowScreenshot)
#include "tst_window_screenshot.moc"

// SPDX-License-Identifier: MIT
#include "AutoLayoutActions.h"
#include "Diagram.h"
#include "LayoutRunner.h"
#include "MainWindow.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/LayoutAnimation.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>
#include <QWindow>

using namespace mls;

/// Auto layout in a real window (Xvfb) with the real worker process: the template laid out,
/// grabbed from the screen and kept for people to look at. Each arrow drawn along its Graphviz
/// route must end in an arrowhead at the target card.
class TestAutoLayoutScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void templateLaidOut();
};

void TestAutoLayoutScreenshot::initTestCase()
{
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        QSKIP("needs a real X display (run under xvfb-run with QT_QPA_PLATFORM=xcb)");
    LayoutRunner::setDefaultWorker(QStringLiteral(MLSKETCH_BIN));
}

void TestAutoLayoutScreenshot::templateLaidOut()
{
    auto *window = new MainWindow; // deletes itself on close
    QString error;
    QVERIFY2(window->openFile(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch", &error),
             qPrintable(error));
    window->resize(1500, 950);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window, 30000));
    window->scene()->selectIds({"trainer"});
    window->autoLayoutActions()->setPinned(true); // shows the pin glyph
    window->scene()->selectIds({});

    AutoLayoutActions *actions = window->autoLayoutActions();
    QSignalSpy ended(actions, &AutoLayoutActions::layoutEnded);
    actions->layoutAll();
    QVERIFY(ended.wait(30000));
    QVERIFY(QTest::qWaitFor([&] { return !actions->animation()->isRunning(); }, 5000));
    QVERIFY2(actions->lastMessage().startsWith("Laid out 20 components with dot in "),
             qPrintable(actions->lastMessage()));
    window->view()->fitToContent();
    QTest::qWait(500);

    const QImage shot = window->windowHandle()
                            ->screen()
                            ->grabWindow(window->winId())
                            .toImage()
                            .convertToFormat(QImage::Format_RGB32);
    const QString out = QStringLiteral(MLS_SCREENSHOT_DIR "/auto_layout.png");
    QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
    QVERIFY2(shot.save(out), qPrintable(out));
    qInfo("screenshot: %s", qPrintable(out));

    // Just inside every arrow's tip the arrowhead is painted: not the canvas colour.
    const double dpr = shot.width() / double(window->width());
    const QRgb canvas = window->scene()->style().canvas.rgb();
    int routed = 0;
    for (const Connection &e : window->diagram()->connections()) {
        if (e.route.isEmpty())
            continue;
        ++routed;
        const QPointF back = e.route.tip + (e.route.points.last() - e.route.tip) * 0.3;
        const QPoint inView = window->view()->mapFromScene(back);
        const QPoint inWindow = window->view()->viewport()->mapTo(window, inView);
        const QRgb pixel = shot.pixel((QPointF(inWindow) * dpr).toPoint());
        QVERIFY2(pixel != canvas, qPrintable(e.id + " has no arrowhead at its tip"));
    }
    QCOMPARE(routed, int(window->diagram()->connections().size()));

    // Top to bottom, at actual size around the pinned card.
    actions->setDirection(LayoutDirection::TopToBottom);
    actions->layoutAll();
    QVERIFY(ended.wait(30000));
    QVERIFY(QTest::qWaitFor([&] { return !actions->animation()->isRunning(); }, 5000));
    window->view()->fitToContent();
    QTest::qWait(300);
    QVERIFY(window->windowHandle()
                ->screen()
                ->grabWindow(window->winId())
                .toImage()
                .save(QStringLiteral(MLS_SCREENSHOT_DIR "/auto_layout_tb.png")));
    actions->setDirection(LayoutDirection::LeftToRight);

    // While a (hanging) layout runs: the busy bar and Cancel in the status bar.
    actions->runner()->setWorker("/bin/sh", {MLS_TEST_DATA_DIR "/layout/slow_worker.sh"});
    actions->layoutAll();
    QTest::qWait(400);
    const QImage running = window->windowHandle()->screen()->grabWindow(window->winId()).toImage();
    QVERIFY(running.save(QStringLiteral(MLS_SCREENSHOT_DIR "/auto_layout_running.png")));
    actions->cancel();
    window->undoStack()->setClean(); // no "save changes?" question on close
    QVERIFY(window->close());
}

QTEST_MAIN(TestAutoLayoutScreenshot)
#include "tst_auto_layout_screenshot.moc"

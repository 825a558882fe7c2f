// SPDX-License-Identifier: MIT
// The Practice dock after a submit, on a real X display (Xvfb): grabbed as a user sees it and
// kept in the build folder for people to look at.
#include "Diagram.h"
#include "DiagramReader.h"
#include "MainWindow.h"
#include "PracticeMode.h"
#include "PracticeState.h"
#include "practice/PracticeDock.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QScreen>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QWindow>

using namespace mls;

class TestPracticeScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultViewOnScreen()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs a real X display (run under xvfb-run with QT_QPA_PLATFORM=xcb)");
        QTemporaryDir history;
        ReadResult r = DiagramReader::readFile(
            QStringLiteral(MLS_TEST_DATA_DIR "/practice/video_weak.mlsketch"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        PracticeState s;
        s.problem = QStringLiteral("video_recommendation");
        s.elapsedMs = 31 * 60000;
        r.diagram->setMeta(s.writtenTo(r.diagram->meta()));
        auto *window = new MainWindow;
        window->practiceMode()->setHistoryFolder(history.path());
        window->adoptRecovered(std::move(r.diagram), QString(), QString());
        window->resize(1500, 950);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window, 30000));
        window->practiceMode()->submit();
        QTreeWidget *results = window->practiceMode()->dock()->results();
        QVERIFY(results->topLevelItemCount() > 0);
        // Select a missing structural item: the status bar and detail say what is missing.
        for (int i = 0; i < results->topLevelItemCount(); ++i) {
            for (int j = 0; j < results->topLevelItem(i)->childCount(); ++j) {
                QTreeWidgetItem *row = results->topLevelItem(i)->child(j);
                if (row->data(0, Qt::UserRole).toString() == QLatin1String("two_stage"))
                    results->setCurrentItem(row);
            }
        }
        QTest::qWait(1000);
        const QImage shot = window->windowHandle()
                                ->screen()
                                ->grabWindow(window->winId())
                                .toImage()
                                .convertToFormat(QImage::Format_RGB32);
        const QString out = QStringLiteral(MLS_SCREENSHOT_DIR "/practice_result.png");
        QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
        QVERIFY2(shot.save(out), qPrintable(out));
        qInfo("screenshot: %s (%dx%d)", qPrintable(out), shot.width(), shot.height());
        // The dock shows text and coloured statuses: many colours in its area.
        QDockWidget *dock = window->practiceMode()->dockWidget();
        const QRect area(dock->mapTo(window, QPoint(0, 0)), dock->size());
        QSet<QRgb> colours;
        const double dpr = shot.width() / double(window->width());
        const QRect px(area.topLeft() * dpr, area.size() * dpr);
        for (int y = px.top(); y <= px.bottom() && y < shot.height(); y += 2)
            for (int x = px.left(); x <= px.right() && x < shot.width(); x += 2)
                colours.insert(shot.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        delete window; // not close(): the unsaved attempt would ask to be saved
    }
};

QTEST_MAIN(TestPracticeScreenshot)
#include "tst_practice_screenshot.moc"

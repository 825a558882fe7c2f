// SPDX-License-Identifier: MIT
#include "Diagram.h"
#include "ExportActions.h"
#include "MainWindow.h"
#include "TestWindow.h"
#include "canvas/DiagramScene.h"
#include "dialogs/ExportDialog.h"
#include "export/SceneExporter.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mls;
using namespace mls::test;

/// Export from the window: menus, the dialog and its memory, the clipboard.
class TestExportUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QSettings().remove(QStringLiteral("export")); }
    void menuEntries();
    void copyAsImage();
    void copyAsSvg();
    void dialogFollowsExtension();
    void dialogRemembersChoices();
    void exportThroughDialog();
    void dialogScreenshot();
};

void TestExportUi::menuEntries()
{
    MainWindow w;
    auto *exportAction = w.findChild<QAction *>("fileExport");
    auto *printAction = w.findChild<QAction *>("filePrint");
    QVERIFY(exportAction && printAction);
    QCOMPARE(exportAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QCOMPARE(printAction->shortcut(), QKeySequence(QKeySequence::Print));
    QVERIFY(menuNamed(w, "File")->actions().contains(exportAction));
    // Copy as Image / SVG sit right after Copy in the Edit menu.
    const QList<QAction *> edit = menuNamed(w, "Edit")->actions();
    const qsizetype copy = edit.indexOf(w.findChild<QAction *>("editCopy"));
    QVERIFY(copy >= 0);
    QCOMPARE(edit.value(copy + 1)->objectName(), QStringLiteral("editCopyImage"));
    QCOMPARE(edit.value(copy + 2)->objectName(), QStringLiteral("editCopySvg"));
}

void TestExportUi::copyAsImage()
{
    MainWindow w;
    QString error;
    QVERIFY2(w.openFile(templateFile, &error), qPrintable(error));
    w.findChild<QAction *>("editCopyImage")->trigger();
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime && mime->hasFormat("image/png"));
    QImage whole;
    QVERIFY(whole.loadFromData(mime->data("image/png"), "PNG"));
    QCOMPARE(whole.size(), SceneExporter(w.diagram(), {}).imageSize());
    // With a selection, only the selection.
    w.scene()->selectIds({"ranking"});
    w.findChild<QAction *>("editCopyImage")->trigger();
    QImage one;
    QVERIFY(one.loadFromData(QApplication::clipboard()->mimeData()->data("image/png"), "PNG"));
    QCOMPARE(one.size(), QSize(212 + 2 + 48, 60 + 2 + 48)); // card, border, margins
}

void TestExportUi::copyAsSvg()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templateFile, &error));
    w.findChild<QAction *>("editCopySvg")->trigger();
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime && mime->hasFormat("image/svg+xml"));
    const QByteArray svg = mime->data("image/svg+xml");
    QVERIFY(svg.contains("<title>Video recommendation</title>"));
    QVERIFY(svg.contains(">Viewer app</text>"));
}

void TestExportUi::dialogFollowsExtension()
{
    Diagram d;
    ExportDialog dialog(&d, {}, QDir::temp().filePath("board"));
    QVERIFY(dialog.pathEdit()->text().endsWith("board.png"));
    QVERIFY(!dialog.selectionRadio()->isEnabled()); // nothing selected
    // Typing another extension picks that format; text formats have no image options.
    dialog.pathEdit()->clear();
    QTest::keyClicks(dialog.pathEdit(), QDir::temp().filePath("board.mmd"));
    QCOMPARE(dialog.format(), ExportFormat::Mermaid);
    QVERIFY(!dialog.scaleCombo()->isEnabled());
    QVERIFY(!dialog.backgroundCombo()->isEnabled());
    // Choosing a format renames the file.
    const int pdf = dialog.formatCombo()->findData(int(ExportFormat::Pdf));
    dialog.formatCombo()->setCurrentIndex(pdf);
    Q_EMIT dialog.formatCombo()->activated(pdf);
    QCOMPARE(dialog.pathEdit()->text(), QDir::temp().filePath("board.pdf"));
    QVERIFY(dialog.backgroundCombo()->isEnabled());
    QVERIFY(dialog.scaleCombo()->isEnabled()); // the page grows with the scale
    QVERIFY(dialog.sizeLabel()->text().endsWith(" mm"));
}

void TestExportUi::dialogRemembersChoices()
{
    Diagram d;
    QTemporaryDir dir;
    {
        ExportDialog dialog(&d, {"x"}, dir.filePath("first"));
        dialog.pathEdit()->setText(dir.filePath("first.svg"));
        Q_EMIT dialog.pathEdit()->textEdited(dialog.pathEdit()->text());
        dialog.scaleCombo()->setCurrentIndex(2);
        dialog.backgroundCombo()->setCurrentIndex(2); // dark
        dialog.marginSpin()->setValue(10);
        dialog.markersCheck()->setChecked(true);
        dialog.selectionRadio()->setChecked(true);
        QCOMPARE(dialog.options().selection, QStringList{"x"});
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    ExportDialog again(&d, {"y"}, QDir::home().filePath("second"));
    QCOMPARE(again.format(), ExportFormat::Svg);
    QCOMPARE(again.pathEdit()->text(), dir.filePath("second.svg")); // last folder, this name
    const ExportOptions o = again.options();
    QCOMPARE(o.scale, 3.0);
    QCOMPARE(o.background, ExportOptions::Background::Dark);
    QCOMPARE(o.margin, 10.0);
    QVERIFY(o.problemMarkers);
    QCOMPARE(o.selection, QStringList{"y"});
    // Copy as Image uses the same remembered choices.
    QCOMPARE(ExportDialog::rememberedOptions().background, ExportOptions::Background::Dark);
}

void TestExportUi::exportThroughDialog()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templateFile, &error));
    QTemporaryDir dir;
    const QString out = dir.filePath("from-window.dot");
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        dialog->pathEdit()->setText(out);
        Q_EMIT dialog->pathEdit()->textEdited(out);
        dialog->accept();
    });
    w.exportActions()->exportDiagram();
    QVERIFY(seen);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("digraph \"Video recommendation\""));
    QVERIFY(w.statusBar()->currentMessage().contains("from-window.dot"));
}

void TestExportUi::dialogScreenshot()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templateFile, &error));
    ExportDialog dialog(w.diagram(), {"ranking"}, QDir::temp().filePath("video_recommendation"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QImage shot = dialog.grab().toImage();
    QVERIFY(shot.width() > 300 && shot.height() > 200);
    QDir().mkpath(MLS_SCREENSHOT_DIR);
    shot.save(MLS_SCREENSHOT_DIR "/export_dialog.png");
}

QTEST_MAIN(TestExportUi)
#include "tst_export_ui.moc"

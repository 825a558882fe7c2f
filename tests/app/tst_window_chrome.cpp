// SPDX-License-Identifier: MIT
#include "Diagram.h"
#include "DiagramReader.h"
#include "EditActions.h"
#include "HelpActions.h"
#include "MainWindow.h"
#include "StartPage.h"
#include "TestWindow.h"
#include "UndoReveal.h"
#include "WindowState.h"
#include "canvas/BoardHint.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/Minimap.h"
#include "commands/AddItemsCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "dialogs/RulesReference.h"
#include "dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace mls;
using namespace mls::test;

namespace {

QRectF visibleRect(DiagramView *view)
{
    return view->mapToScene(view->viewport()->rect()).boundingRect();
}

void showAt1280x800(MainWindow &w)
{
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(50); // the docks settle after the first layout pass
}

} // namespace

/// The window's chrome: start page, empty-board hint, dock space, panels toggle, geometry,
/// minimap, Help menu, toolbar, and the view after undoing a layout.
class TestWindowChrome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void startPageOffersTheWaysIn();
    void startPageGoesWhenADocumentOpens();
    void startPageListsRecentFiles();
    void emptyBoardShowsHint();
    void defaultLayoutLeavesRoomForTheBoard();
    void panelsToggleHidesAndRestores();
    void geometryAndDocksRemembered();
    void shortcutsComeFromTheActions_data();
    void shortcutsComeFromTheActions();
    void redoHasCtrlY();
    void rulesReferenceShowsWhyAndFix();
    void helpMenu();
    void toolbarButtonsDoNotMove();
    void undoingLayoutShowsTheBoard();
    void fitShowsAHugeBoard();
    void minimapAppearsWhenBoardExceedsView();
    void minimapClickMovesTheView();

private:
    QTemporaryDir m_settingsDir;
};

void TestWindowChrome::init()
{
    // Each test starts from no saved settings, in a folder of its own.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
}

void TestWindowChrome::startPageOffersTheWaysIn()
{
    MainWindow w;
    showAt1280x800(w);
    StartPage *page = w.showStartPage();
    QVERIFY(page->isVisible());
    QCOMPARE(page->geometry(), w.view()->geometry()); // covers the board, not the docks
    for (QPushButton *b : {page->blankButton(), page->templateButton(), page->openButton()}) {
        QVERIFY(b->isVisible());
        // No line of a button is cut off.
        QVERIFY2(b->width() >= b->minimumWidth(), qPrintable(b->text()));
    }
    QTest::mouseClick(page->blankButton(), Qt::LeftButton);
    QVERIFY(!page->isVisible());
    QVERIFY(w.diagram()->components().empty());
}

void TestWindowChrome::startPageGoesWhenADocumentOpens()
{
    MainWindow w;
    showAt1280x800(w);
    QPointer<StartPage> page = w.showStartPage();
    QString error;
    QVERIFY2(w.openFile(templateFile, &error), qPrintable(error));
    QVERIFY(!page || !page->isVisible());
}

void TestWindowChrome::startPageListsRecentFiles()
{
    QTemporaryDir dir;
    const QString saved = dir.filePath("recent.mlsketch");
    QVERIFY(QFile::copy(templateFile, saved));
    QSettings().setValue("recentFiles", QStringList{saved, dir.filePath("gone.mlsketch")});
    MainWindow w;
    showAt1280x800(w);
    StartPage *page = w.showStartPage();
    QCOMPARE(page->recentList()->count(), 1); // files that no longer exist are left out
    QListWidgetItem *item = page->recentList()->item(0);
    QVERIFY(item->text().startsWith("recent.mlsketch"));
    emit page->recentList()->itemActivated(item);
    QCOMPARE(w.filePath(), saved);
    QVERIFY(!w.diagram()->components().empty());
}

void TestWindowChrome::emptyBoardShowsHint()
{
    MainWindow w;
    showAt1280x800(w);
    auto *hint = w.view()->findChild<BoardHint *>();
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains("Drag components here"));
    w.view()->addComponent("trainer", QPointF(0, 0));
    QVERIFY(!hint->isVisible());
    w.undoStack()->undo();
    QVERIFY(hint->isVisible());
    QString error;
    QVERIFY(w.openFile(templateFile, &error));
    QVERIFY(!hint->isVisible());
}

void TestWindowChrome::defaultLayoutLeavesRoomForTheBoard()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templateFile, &error));
    showAt1280x800(w);
    const QSize board = w.view()->size();
    // The board gets at least 60 % of the width and most of the height (it was 610 × 450).
    QVERIFY2(board.width() >= 0.6 * 1280 && board.height() >= 500,
             qPrintable(QStringLiteral("%1 x %2").arg(board.width()).arg(board.height())));
    auto *inspector = w.findChild<QDockWidget *>("inspectorDock");
    auto *palette = w.findChild<QDockWidget *>("paletteDock");
    QVERIFY(inspector->width() >= 300);                          // readable form fields
    QVERIFY(palette->width() >= 180 && palette->width() <= 210); // labels still whole
    // The Text dock is a tab beside Problems, not a slice of the Inspector's height.
    QVERIFY(w.tabifiedDockWidgets(w.findChild<QDockWidget *>("problemsDock"))
                .contains(w.findChild<QDockWidget *>("textDock")));
    // The count label shows all its text ("20 components · 30 connections").
    for (QLabel *label : w.statusBar()->findChildren<QLabel *>()) {
        if (label->text().contains("connections"))
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
    }
}

void TestWindowChrome::panelsToggleHidesAndRestores()
{
    MainWindow w;
    showAt1280x800(w);
    QAction *toggle = w.findChild<QAction *>("viewTogglePanels");
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    QVERIFY(menuNamed(w, "View")->actions().contains(toggle));
    QStringList open;
    for (QDockWidget *d : w.findChildren<QDockWidget *>()) {
        if (d->toggleViewAction()->isChecked())
            open << d->objectName();
    }
    QVERIFY(open.contains("paletteDock") && open.contains("problemsDock"));
    const int before = w.view()->viewport()->width();
    toggle->trigger();
    for (QDockWidget *d : w.findChildren<QDockWidget *>())
        QVERIFY2(!d->toggleViewAction()->isChecked(), qPrintable(d->objectName()));
    QTest::qWait(20);
    QVERIFY(w.view()->viewport()->width() > before);
    toggle->trigger();
    QStringList reopened;
    for (QDockWidget *d : w.findChildren<QDockWidget *>()) {
        if (d->toggleViewAction()->isChecked())
            reopened << d->objectName();
    }
    open.sort();
    reopened.sort();
    QCOMPARE(reopened, open);
}

void TestWindowChrome::geometryAndDocksRemembered()
{
    {
        auto *w = new MainWindow; // deletes itself on close
        w->resize(1000, 700);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->findChild<QDockWidget *>("problemsDock")->hide();
        QVERIFY(w->close());
    }
    QSettings settings;
    QVERIFY(settings.contains("window/geometry"));
    QVERIFY(settings.contains("window/state"));
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1000, 700));
    QVERIFY(!again.findChild<QDockWidget *>("problemsDock")->toggleViewAction()->isChecked());
    QVERIFY(again.findChild<QDockWidget *>("paletteDock")->toggleViewAction()->isChecked());
}

void TestWindowChrome::shortcutsComeFromTheActions_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("listed");
    QTest::newRow("by name") << "layout"
                             << "Auto Layout" << true;
    QTest::newRow("by key") << "Ctrl+Y"
                            << "Redo" << true;
    QTest::newRow("filter hides others") << "Ctrl+Y"
                                         << "Undo" << false;
    QTest::newRow("by menu") << "Help"
                             << "Keyboard Shortcuts" << true;
    QTest::newRow("no match") << "no such action"
                              << "Save" << false;
}

void TestWindowChrome::shortcutsComeFromTheActions()
{
    QFETCH(QString, filter);
    QFETCH(QString, action);
    QFETCH(bool, listed);
    MainWindow w;
    // Every menu action with a shortcut is listed, under the action's own text.
    const QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::collect(&w);
    for (QMenu *menu : w.menuBar()->findChildren<QMenu *>()) {
        for (QAction *a : menu->actions()) {
            if (a->shortcuts().isEmpty() || a->menu())
                continue;
            const bool found = std::any_of(entries.begin(), entries.end(),
                                           [&](const auto &e) { return e.keys == a->shortcuts(); });
            QVERIFY2(found, qPrintable(a->text()));
        }
    }
    ShortcutsDialog dialog(&w);
    dialog.searchField()->setText(filter);
    bool shown = false;
    QTreeWidget *list = dialog.list();
    for (int g = 0; g < list->topLevelItemCount(); ++g) {
        for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i) {
            const QTreeWidgetItem *row = list->topLevelItem(g)->child(i);
            if (row->text(0) == action && !row->isHidden() && !row->parent()->isHidden())
                shown = true;
        }
    }
    QCOMPARE(shown, listed);
}

void TestWindowChrome::redoHasCtrlY()
{
    MainWindow w;
    showAt1280x800(w);
    QAction *redo = w.editActions()->redoAction();
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    w.view()->addComponent("trainer", QPointF(0, 0));
    w.undoStack()->undo();
    QVERIFY(w.diagram()->components().empty());
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(w.view(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(w.diagram()->components().size(), size_t(1));
}

void TestWindowChrome::rulesReferenceShowsWhyAndFix()
{
    MainWindow w;
    w.findChild<QAction *>("helpRules")->trigger();
    auto *reference = w.findChild<RulesReference *>("rulesReference");
    QVERIFY(reference);
    QVERIFY(reference->list()->count() >= 20);
    QVERIFY(reference->showRule("MLS-001"));
    const QString text = reference->details()->toPlainText();
    QVERIFY2(text.contains("MLS-001") && text.contains("Why it matters") &&
                 text.contains("How to fix it"),
             qPrintable(text));
    QCOMPARE(reference->setFilter("MLS-001"), 1);
    QVERIFY(reference->setFilter("zzzz-no-rule") == 0);
    reference->close();
}

void TestWindowChrome::helpMenu()
{
    MainWindow w;
    QMenu *help = menuNamed(w, "Help");
    QVERIFY(help);
    QStringList names;
    for (QAction *a : help->actions())
        names << a->objectName();
    for (const char *name : {"helpShortcuts", "helpRules", "helpAbout"})
        QVERIFY2(names.contains(name), name);
    // Help is the last menu, after Practice.
    QCOMPARE(w.menuBar()->actions().last()->menu(), help);
    w.findChild<QAction *>("helpShortcuts")->trigger();
    auto *dialog = w.findChild<ShortcutsDialog *>("shortcutsDialog");
    QVERIFY(dialog && dialog->isVisible());
    dialog->close();
}

void TestWindowChrome::toolbarButtonsDoNotMove()
{
    MainWindow w;
    showAt1280x800(w);
    auto *bar = w.findChild<QToolBar *>("mainToolBar");
    QVERIFY(bar);
    QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonIconOnly);
    QList<QRect> before;
    QStringList tips;
    for (QToolButton *b : bar->findChildren<QToolButton *>()) {
        if (!b->isVisible() || !b->defaultAction())
            continue;
        QVERIFY(!b->icon().isNull());
        QVERIFY(!b->toolTip().isEmpty());
        before << b->geometry();
        tips << b->toolTip();
    }
    QVERIFY(before.size() >= 8);
    auto *undo = w.findChild<QAction *>("toolUndo");
    QVERIFY(!undo->isEnabled());
    w.view()->addComponent("feature_store", QPointF(0, 0));
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->toolTip().contains("Undo Add"), qPrintable(undo->toolTip()));
    QVERIFY(undo->toolTip().contains("Ctrl+Z"));
    QTest::qWait(20);
    QList<QRect> after;
    for (QToolButton *b : bar->findChildren<QToolButton *>()) {
        if (b->isVisible() && b->defaultAction())
            after << b->geometry();
    }
    QCOMPARE(after, before);
    // The buttons act: Fit from the toolbar fits.
    w.view()->setZoom(3);
    w.findChild<QAction *>("toolFit")->trigger();
    QVERIFY(visibleRect(w.view()).contains(w.scene()->contentRect()));
}

void TestWindowChrome::undoingLayoutShowsTheBoard()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templateFile, &error));
    showAt1280x800(w);
    // An auto layout that moves every card far away (as a big sfdp layout does).
    QStringList ids;
    QVector<QPointF> to;
    for (const Component &c : w.diagram()->components()) {
        ids << c.id;
        to << c.pos + QPointF(60000, 40000);
    }
    auto *layout = new QUndoCommand(QStringLiteral("Auto layout"));
    new MoveComponentsCommand(w.diagram(), ids, to, layout);
    QVERIFY(UndoReveal::isLayout(layout));
    w.undoStack()->push(layout);
    w.view()->fitToContent();
    w.statusBar()->showMessage("Laid out 20 components with dot in 0.1 s");
    w.editActions()->undoAction()->trigger();
    QCOMPARE(w.diagram()->components().front().pos + QPointF(60000, 40000), to.front());
    QVERIFY(w.statusBar()->currentMessage().isEmpty());
    QVERIFY(visibleRect(w.view()).contains(w.scene()->contentRect()));
    w.statusBar()->showMessage("Laid out again");
    w.editActions()->redoAction()->trigger();
    QVERIFY(w.statusBar()->currentMessage().isEmpty());
    QVERIFY(visibleRect(w.view()).contains(w.scene()->contentRect()));
}

void TestWindowChrome::fitShowsAHugeBoard()
{
    MainWindow w;
    showAt1280x800(w);
    // Two cards 400,000 px apart: beyond the old 5 % zoom floor.
    w.view()->addComponent("trainer", QPointF(-200000, 0));
    w.view()->addComponent("model_registry", QPointF(200000, 1000));
    w.view()->fitToContent();
    QVERIFY(w.view()->zoom() < 0.05);
    QVERIFY(visibleRect(w.view()).contains(w.scene()->contentRect()));
    // Zoom out reaches 0.5 %.
    for (int i = 0; i < 60; ++i)
        w.view()->zoomOut();
    QVERIFY(qAbs(w.view()->zoom() - DiagramView::minZoom) < 1e-4 ||
            w.view()->zoom() < DiagramView::minZoom);
}

void TestWindowChrome::minimapAppearsWhenBoardExceedsView()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templateFile, &error));
    showAt1280x800(w);
    auto *minimap = w.view()->findChild<Minimap *>();
    QVERIFY(minimap);
    QTRY_VERIFY(!minimap->isVisible()); // the fitted board needs no overview
    w.view()->setZoom(2);
    QTRY_VERIFY(minimap->isVisible());
    QVERIFY(minimap->width() <= Minimap::maxSide && minimap->height() <= Minimap::maxSide);
    // In the view's bottom-right corner, inside the board.
    QVERIFY(w.view()->viewport()->geometry().contains(minimap->geometry()));
    QAction *toggle = w.findChild<QAction *>("viewMinimap");
    QVERIFY(menuNamed(w, "View")->actions().contains(toggle));
    toggle->setChecked(false);
    QVERIFY(!minimap->isVisible());
    toggle->setChecked(true);
    QVERIFY(minimap->isVisible());
    w.view()->fitToContent();
    QTRY_VERIFY(!minimap->isVisible());
}

void TestWindowChrome::minimapClickMovesTheView()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templateFile, &error));
    showAt1280x800(w);
    w.view()->setZoom(2);
    auto *minimap = w.view()->findChild<Minimap *>();
    QTRY_VERIFY(minimap->isVisible());
    QTest::qWait(400); // the overview is drawn
    const QPointF before = visibleRect(w.view()).center();
    const QPoint corner(minimap->width() - 4, minimap->height() - 4);
    const QPointF target = minimap->toScene(corner);
    QTest::mouseClick(minimap, Qt::LeftButton, {}, corner);
    const QPointF after = visibleRect(w.view()).center();
    // The view moved towards the clicked point (it may stop at the scene's edge).
    QVERIFY2(QLineF(after, target).length() < QLineF(before, target).length() - 100,
             qPrintable(QStringLiteral("before %1,%2 after %3,%4 target %5,%6")
                            .arg(before.x())
                            .arg(before.y())
                            .arg(after.x())
                            .arg(after.y())
                            .arg(target.x())
                            .arg(target.y())));
}

QTEST_MAIN(TestWindowChrome)
#include "tst_window_chrome.moc"

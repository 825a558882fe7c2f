// SPDX-License-Identifier: MIT
#include "WindowMenus.h"

#include "ArrangeActions.h"
#include "AutoLayoutActions.h"
#include "DesignReview.h"
#include "EditActions.h"
#include "ExportActions.h"
#include "HelpActions.h"
#include "MainToolBar.h"
#include "NoteActions.h"
#include "RecentFiles.h"
#include "SaveActions.h"
#include "TextActions.h"
#include "ViewOptions.h"
#include "WindowState.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace mls {

WindowMenus::WindowMenus(QMainWindow *window, const Actions &actions)
    : QObject(window), m_window(window), m_actions(actions)
{
    QMenuBar *bar = window->menuBar();
    createFileMenu(bar->addMenu(tr("&File")));

    QMenu *edit = bar->addMenu(tr("&Edit"));
    actions.edit->populate(edit);
    (new NoteActions(actions.view, window))->populate(edit); // found by the context menu, toolbar
    actions.exports->populateEditMenu(edit);
    createViewMenu(bar->addMenu(tr("&View")));
    QMenu *arrange = bar->addMenu(tr("&Arrange"));
    actions.arrange->populate(arrange);
    actions.autoLayout->populate(arrange);

    (new HelpActions(actions.review->rules(), window))->populate(bar->addMenu(tr("&Help")));
    MainToolBar::build(window, actions.edit, actions.view, actions.review->problemsDock());
}

void WindowMenus::createFileMenu(QMenu *file)
{
    file->addAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New"), QKeySequence::New,
                    this, &WindowMenus::newWindowRequested);
    file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"),
                    QKeySequence::Open, this, &WindowMenus::openRequested);
    auto *recent = new RecentFiles(file->addMenu(tr("Open &Recent")));
    connect(recent, &RecentFiles::openRequested, this, &WindowMenus::openFileRequested);
    file->addAction(tr("New from &Template…"), QKeySequence(tr("Ctrl+Shift+N")), this,
                    &WindowMenus::templateRequested);
    file->addSeparator();
    SaveActions *save = m_actions.save;
    file->addAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"),
                    QKeySequence::Save, save, &SaveActions::save);
    // QKeySequence::SaveAs is empty on some desktops (KDE, plain X11): give the usual keys.
    file->addAction(tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), save,
                    &SaveActions::saveAs);
    file->addAction(tr("Re&vert"), this, &WindowMenus::revertRequested);
    file->addSeparator();
    m_actions.text->populateFileMenu(file);
    m_actions.exports->populateFileMenu(file);
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, m_window, &QWidget::close);
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

void WindowMenus::createViewMenu(QMenu *view)
{
    m_actions.viewOptions->populate(view);
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());
    m_actions.windowState->populateViewMenu(view);
}

} // namespace mls

// SPDX-License-Identifier: MIT
#include "MainToolBar.h"

#include "EditActions.h"
#include "ToolIcons.h"
#include "canvas/DiagramView.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QToolBar>
#include <QToolButton>

namespace mls {

namespace {

QString tipFor(const QString &text, const QKeySequence &key)
{
    QString tip = text;
    tip.remove(QLatin1Char('&'));
    tip.remove(QChar(0x2026)); // "Export…" reads as a tooltip without the dots
    if (!key.isEmpty())
        tip += QStringLiteral(" (%1)").arg(key.toString(QKeySequence::NativeText));
    return tip;
}

/// A toolbar button standing for @p source: triggers it, follows its text and enabled state.
QAction *mirror(QToolBar *bar, QAction *source, ToolIcons::Kind icon)
{
    auto *a = new QAction(ToolIcons::icon(icon, bar->palette().color(QPalette::ButtonText)),
                          tipFor(source->text(), {}), bar);
    auto follow = [a, source] {
        a->setEnabled(source->isEnabled());
        a->setToolTip(tipFor(source->text(), source->shortcut()));
    };
    QObject::connect(source, &QAction::changed, a, follow);
    QObject::connect(a, &QAction::triggered, source, &QAction::trigger);
    follow();
    bar->addAction(a);
    return a;
}

template <typename Receiver, typename Slot>
QAction *button(QToolBar *bar, ToolIcons::Kind icon, const QString &tip, const QKeySequence &key,
                const Receiver *receiver, Slot slot)
{
    auto *a = new QAction(ToolIcons::icon(icon, bar->palette().color(QPalette::ButtonText)),
                          tipFor(tip, {}), bar);
    a->setToolTip(tipFor(tip, key));
    QObject::connect(a, &QAction::triggered, receiver, slot);
    bar->addAction(a);
    return a;
}

} // namespace

QToolBar *MainToolBar::build(QMainWindow *window, const EditActions *edit, DiagramView *view,
                             QDockWidget *problems)
{
    auto *bar = new QToolBar(QObject::tr("Main"), window);
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->setIconSize(QSize(20, 20));
    bar->setMovable(false);
    mirror(bar, edit->undoAction(), ToolIcons::Kind::Undo)
        ->setObjectName(QStringLiteral("toolUndo"));
    mirror(bar, edit->redoAction(), ToolIcons::Kind::Redo)
        ->setObjectName(QStringLiteral("toolRedo"));
    bar->addSeparator();
    button(bar, ToolIcons::Kind::ZoomIn, QObject::tr("Zoom In"), QKeySequence::ZoomIn, view,
           &DiagramView::zoomIn);
    button(bar, ToolIcons::Kind::ZoomOut, QObject::tr("Zoom Out"), QKeySequence::ZoomOut, view,
           &DiagramView::zoomOut);
    button(bar, ToolIcons::Kind::Fit, QObject::tr("Fit the diagram in the window"),
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), view, &DiagramView::fitToContent)
        ->setObjectName(QStringLiteral("toolFit"));
    bar->addSeparator();
    if (auto *sticky = window->findChild<QAction *>(QStringLiteral("editAddStickyNote")))
        mirror(bar, sticky, ToolIcons::Kind::StickyNote)
            ->setObjectName(QStringLiteral("toolAddStickyNote"));
    if (auto *layout = window->findChild<QAction *>(QStringLiteral("arrangeAutoLayout")))
        mirror(bar, layout, ToolIcons::Kind::AutoLayout)
            ->setObjectName(QStringLiteral("toolAutoLayout"));
    button(bar, ToolIcons::Kind::Check, QObject::tr("Check the design: show the Problems panel"),
           {}, problems,
           [problems] {
               problems->show();
               problems->raise();
           })
        ->setObjectName(QStringLiteral("toolCheck"));
    if (auto *exportAction = window->findChild<QAction *>(QStringLiteral("fileExport")))
        mirror(bar, exportAction, ToolIcons::Kind::Export)
            ->setObjectName(QStringLiteral("toolExport"));
    // Icon-only buttons of one size: nothing moves when an undo text changes.
    for (QAction *a : bar->actions()) {
        if (auto *b = qobject_cast<QToolButton *>(bar->widgetForAction(a)))
            b->setFixedSize(b->sizeHint());
    }
    window->addToolBar(Qt::TopToolBarArea, bar);
    return bar;
}

} // namespace mls

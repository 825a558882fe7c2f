// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMainWindow;
class QMenu;

namespace mls {

class ArrangeActions;
class AutoLayoutActions;
class DesignReview;
class DiagramView;
class EditActions;
class ExportActions;
class SaveActions;
class TextActions;
class ViewOptions;
class WindowState;

/// The window's menu bar (File, Edit, View, Arrange, Help) and toolbar: each menu is filled by
/// the collaborators that own its actions, in the order a user reads them. What opens another
/// design (New, Open, Open Recent, New from Template, Revert) is the window's to decide, so
/// those entries only ask, through signals.
class WindowMenus : public QObject
{
    Q_OBJECT
public:
    /// The collaborators whose actions the menus show.
    struct Actions
    {
        DiagramView *view;
        EditActions *edit;
        TextActions *text;
        ExportActions *exports;
        SaveActions *save;
        ArrangeActions *arrange;
        AutoLayoutActions *autoLayout;
        DesignReview *review;
        ViewOptions *viewOptions;
        WindowState *windowState;
    };

    /// Builds the menus and toolbar of @p window; the View → Panels menu lists the docks the
    /// window has at this point.
    WindowMenus(QMainWindow *window, const Actions &actions);

Q_SIGNALS:
    void newWindowRequested();
    void openRequested();
    void openFileRequested(const QString &path);
    void templateRequested();
    void revertRequested();

private:
    void createFileMenu(QMenu *file);
    void createViewMenu(QMenu *view);

    QMainWindow *m_window;
    Actions m_actions;
};

} // namespace mls

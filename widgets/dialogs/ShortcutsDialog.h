// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QLineEdit;
class QMainWindow;
class QTreeWidget;

namespace mls {

/// Help → Keyboard Shortcuts: every shortcut of a window, read from its actual actions (the
/// menus, then actions added to the window itself), grouped by menu, with a search field.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString menu;   ///< "Edit", "View › Connections"
        QString action; ///< the action's text without mnemonics and dots
        QList<QKeySequence> keys;
    };

    explicit ShortcutsDialog(QMainWindow *window, QWidget *parent = nullptr);

    /// The actions of @p window that have a shortcut, in menu order.
    static QList<Entry> collect(QMainWindow *window);
    /// Shows only the rows whose action, menu or keys contain @p text; returns how many.
    int setFilter(const QString &text);
    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *list() const { return m_list; }

private:
    QLineEdit *m_search;
    QTreeWidget *m_list;
};

} // namespace mls

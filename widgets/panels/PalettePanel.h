// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QTreeView;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QMimeData;
class QTreeWidget;
class QTreeWidgetItem;

namespace mls {

/// The component palette: the catalog's kinds grouped by category, searchable, and dragged
/// (or double-clicked) onto the board.
class PalettePanel : public QWidget
{
    Q_OBJECT
public:
    explicit PalettePanel(QWidget *parent = nullptr);

    /// Shows only the kinds whose label, id, category or description contain every word of
    /// @p text (case-insensitive); also puts @p text in the search field.
    void setFilter(const QString &text);
    /// The text the palette is filtered by.
    QString filter() const;
    /// Ids of the kinds that pass the filter, in display order.
    QStringList visibleKinds() const;
    /// The search field above the list.
    QLineEdit *searchField() const;
    /// The list of kinds (category headers are its top-level rows).
    QTreeView *view() const;

    /// The drag payload for @p kind: its id as UTF-8 under kindMimeType() and as text/plain.
    /// The caller owns the result.
    static QMimeData *mimeDataForKind(const QString &kind);

Q_SIGNALS:
    /// The user asked to add a component of @p kind (double-click, Enter, Enter in search).
    void addRequested(const QString &kind);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildTree();
    void applyInk();
    void applyFilter(const QString &text);
    void activateItem(QTreeWidgetItem *item);
    bool handleSearchKey(QKeyEvent *event);
    bool handleListKey(QKeyEvent *event);
    QList<QTreeWidgetItem *> visibleKindItems() const;

    QLineEdit *m_search = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace mls

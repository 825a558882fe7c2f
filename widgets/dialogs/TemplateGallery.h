// SPDX-License-Identifier: MIT
#pragma once

#include "TemplateLibrary.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStandardItemModel;
class QTextBrowser;

namespace mls {

/// File → New from Template: a grid of template thumbnails with a search field (title, name
/// or tag) and a preview of the current one (picture, summary, tags, size, the seven steps).
/// Accepting the dialog chooses current(); the caller opens it as an untitled copy.
class TemplateGallery : public QDialog
{
    Q_OBJECT
public:
    explicit TemplateGallery(QWidget *parent = nullptr);

    /// The highlighted template; invalid when the search hides every template.
    TemplateInfo current() const;
    const QVector<TemplateInfo> &templates() const { return m_templates; }
    /// Names of the templates the search leaves visible, in display order.
    QStringList visibleNames() const;
    /// Makes @p name current (clearing the search if it hides it); false when unknown.
    bool selectTemplate(const QString &name);
    /// The thumbnail shown for template @p row (a placeholder until it is rendered).
    QImage thumbnail(int row) const;
    /// Draws every thumbnail not drawn yet. The dialog otherwise draws them one per event-loop
    /// turn once shown, so it opens at once.
    void renderAllThumbnails();

    QLineEdit *searchField() const { return m_search; }
    QListView *listView() const { return m_view; }

    static QSize thumbnailSize() { return {240, 150}; }

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    QWidget *buildPreview();
    void fillModel();
    bool renderNextThumbnail();
    void applyFilter();
    void updatePreview();
    int currentRow() const;

    QVector<TemplateInfo> m_templates;
    QVector<bool> m_rendered;
    QStandardItemModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_noMatch = nullptr;
    QLabel *m_picture = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_details = nullptr;
    QTextBrowser *m_steps = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace mls

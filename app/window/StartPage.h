// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QListWidget;
class QPushButton;

namespace mls {

class DiagramView;
class Document;

/// What a start with no file shows over the board: new blank, new from a template (the
/// gallery), open, and the recent files. It goes away when a document opens or on "New blank
/// diagram"; the docks stay usable around it.
class StartPage : public QFrame
{
    Q_OBJECT
public:
    /// A page over @p view's board (a child of @p parent) that goes away when @p document
    /// holds a file or components. Call show() and focusFirst() to show it.
    StartPage(Document *document, DiagramView *view, QWidget *parent);
    /// Gives the first button ("New blank diagram") the focus.
    void focusFirst();

    QListWidget *recentList() const { return m_recent; }
    QPushButton *blankButton() const { return m_blank; }
    QPushButton *templateButton() const { return m_template; }
    QPushButton *openButton() const { return m_open; }

public Q_SLOTS:
    /// Closes the page: the blank board is the document.
    void dismiss();

Q_SIGNALS:
    /// "New from template…": asks the window for the template gallery.
    void templateRequested();
    /// "Open…": asks the window for its open dialog.
    void openRequested();
    /// A recent file was chosen: asks the window to open @p path.
    void openFileRequested(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillRecent();
    void cover();

    Document *m_document;
    DiagramView *m_view;
    QListWidget *m_recent;
    QPushButton *m_blank;
    QPushButton *m_template;
    QPushButton *m_open;
};

} // namespace mls

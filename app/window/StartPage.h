// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QListWidget;
class QPushButton;

namespace mls {

class MainWindow;

/// What a start with no file shows over the board: new blank, new from a template (the
/// gallery), open, and the recent files. It goes away when a document opens or on "New blank
/// diagram"; the docks stay usable around it.
class StartPage : public QFrame
{
    Q_OBJECT
public:
    explicit StartPage(MainWindow *window);

    /// Shows a start page over @p window's board (a start with no file to open).
    static StartPage *showIn(MainWindow *window);

    QListWidget *recentList() const { return m_recent; }
    QPushButton *blankButton() const { return m_blank; }
    QPushButton *templateButton() const { return m_template; }
    QPushButton *openButton() const { return m_open; }

public Q_SLOTS:
    /// Closes the page: the blank board is the document.
    void dismiss();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillRecent();
    void cover();

    MainWindow *m_window;
    QListWidget *m_recent;
    QPushButton *m_blank;
    QPushButton *m_template;
    QPushButton *m_open;
};

} // namespace mls

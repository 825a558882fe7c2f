// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace mls {

class Diagram;
class Document;
class TextPanel;

/// The design as text in the window: the Text dock (two-way), File → Import… for Mermaid and
/// DOT files, dropped diagram files, and Mermaid or DOT text pasted from the clipboard.
///
/// The Text dock shows @p document (following each diagram it holds) and goes into @p window;
/// an imported design is asked of the window through openRequested().
class TextActions : public QObject
{
    Q_OBJECT
public:
    TextActions(Document *document, QMainWindow *window);
    TextPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    void populateFileMenu(QMenu *menu);
    /// Takes the Text dock off the document (the window is closing).
    void detach();

    /// True for the files Import reads (.mmd, .md, .dot, .gv…).
    static bool isImportable(const QString &path);
    /// Imports a file as a new untitled design; a Markdown file with several ```mermaid
    /// blocks asks which one. Problems go to a dialog; warnings are listed, never silent.
    bool importFile(const QString &path);
    /// Imports pasted text when it is a Mermaid flowchart or a DOT graph; false otherwise.
    bool importText(const QString &text);
    /// The warnings of the last import (also shown to the user).
    const QStringList &lastWarnings() const { return m_lastWarnings; }

Q_SIGNALS:
    /// Asks the window to show @p design (the receiver moves it out) as an untitled document
    /// holding unsaved work: in itself when it holds nothing, else in a new window, which it
    /// returns in @p shownIn.
    void openRequested(std::unique_ptr<mls::Diagram> &design, QMainWindow *&shownIn);

private:
    void chooseAndImport();
    /// Shows the imported @p design and reports what was guessed in the window showing it.
    void show(std::unique_ptr<Diagram> &design, const QString &what);

    Document *m_document;
    QMainWindow *m_window;
    TextPanel *m_panel;
    QDockWidget *m_dock;
    QStringList m_lastWarnings;
};

} // namespace mls

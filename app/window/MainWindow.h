// SPDX-License-Identifier: MIT
#pragma once

#include "Autosave.h"
#include "Document.h"
#include "SaveActions.h"

#include <QColor>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QMenu;
class QUndoStack;

namespace mls {

class ArrangeActions;
class Autosave;
class BoardContextMenu;
class DesignReview;
class AutoLayoutActions;
class Diagram;
class Document;
class DiagramScene;
class DiagramView;
class EditActions;
class ExportActions;
class TextActions;
class WindowState;
class InspectorPanel;
class PalettePanel;
class PracticeMode;
class RecoveryStore;
class SaveActions;
class StartPage;
class ViewOptions;

/// One window, one diagram: the board with the palette and inspector docks, the menus, the
/// document lifecycle (new, open, save, revert, close) and crash-recovery autosave.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The open design, its undo stack and file; handed to every collaborator.
    Document *document() const { return m_document.get(); }
    Diagram *diagram() const { return m_document->diagram(); }
    DiagramScene *scene() const { return m_scene.get(); }
    DiagramView *view() const { return m_view; }
    QUndoStack *undoStack() const { return m_document->undoStack(); }
    PalettePanel *palettePanel() const { return m_palette; }
    InspectorPanel *inspector() const { return m_inspector; }
    EditActions *editActions() const { return m_edit; }
    ArrangeActions *arrangeActions() const { return m_arrange; }
    ExportActions *exportActions() const { return m_export; }
    DesignReview *designReview() const { return m_review; }
    AutoLayoutActions *autoLayoutActions() const { return m_autoLayout; }
    PracticeMode *practiceMode() const { return m_practice; }
    TextActions *textActions() const { return m_text; }
    WindowState *windowState() const { return m_windowState; }
    const QString &filePath() const { return m_document->filePath(); }
    Autosave *autosave() const { return m_autosave; }
    /// Unsaved changes (also true for work restored after a crash).
    bool isModified() const { return m_document->isModified(); }

    /// Opens a file in this window; on failure returns false with @p error and leaves the open
    /// diagram as it was. Reader warnings (unknown kinds, flows) go to @p warnings.
    bool openFile(const QString &path, QString *error, QStringList *warnings = nullptr);
    /// Opens a file, in this window when it holds nothing worth keeping, else in a new one;
    /// problems are reported in a dialog.
    bool openFileInteractive(const QString &path);
    /// Shows @p design (moved out: an import, a practice attempt) as an untitled document
    /// holding unsaved work: in this window when it holds nothing worth keeping, else in a new
    /// one, returned in @p shownIn (and by lastOpened()).
    void showNewDesign(std::unique_ptr<Diagram> &design, QMainWindow *&shownIn);
    /// Opens the reference design at @p path in a new window titled @p title, its components
    /// coloured by @p pairColours (practice: Compare with Reference).
    void showReference(const QString &path, const QString &title,
                       const QHash<QString, QColor> &pairColours);
    MainWindow *lastOpened() const
    {
        return m_lastOpened ? m_lastOpened.data() : const_cast<MainWindow *>(this);
    }
    /// Saves to @p path (atomically); on failure says so and stays modified.
    bool saveTo(const QString &path, QString *error) { return m_save->saveTo(path, error); }
    /// Takes a restored diagram (crash recovery): shown as modified, autosave continues in
    /// @p sessionId.
    void adoptRecovered(std::unique_ptr<Diagram> diagram, const QString &originalPath,
                        const QString &sessionId);

    /// Shows the start page over the board (a start with no file to open).
    StartPage *showStartPage();

    /// How often unsaved work is written to the recovery file (default 30 s).
    void setAutosaveInterval(int ms) { m_autosave->setInterval(ms); }
    /// Writes the recovery snapshot now if there are unsaved changes (what the timer does).
    void autosaveNow() { m_autosave->saveNow(); }
    /// The process-wide recovery store (created on first use).
    static RecoveryStore &recoveryStore();
    /// Asks which recovered sessions to restore and opens each in a window. Returns the count.
    static int offerRecovery(QWidget *parent);

Q_SIGNALS:
    /// Another document is shown (new, opened, imported, restored).
    void documentChanged();

public Q_SLOTS:
    bool save() { return m_save->save(); }
    bool saveAs() { return m_save->saveAs(); }
    void newWindow();
    /// File → New from Template…: the gallery; the chosen template opens as an untitled copy.
    void newFromTemplate();
    void open();
    void revert();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createCollaborators();
    void setDiagram(std::unique_ptr<Diagram> diagram, const QString &path);
    bool holdsNothing() const { return m_document->holdsNothing(); }
    void updateTitle();
    void updateSelection();
    void showStatus(const QString &text, int timeoutMs);
    void showContextMenu(const QPoint &globalPos, const QString &itemId);
    void discardRecovery() { m_autosave->discard(); }

    std::unique_ptr<Document> m_document;
    // Declared after the document: the scene follows the diagram and must go first.
    std::unique_ptr<DiagramScene> m_scene;
    DiagramView *m_view = nullptr;
    PalettePanel *m_palette = nullptr;
    InspectorPanel *m_inspector = nullptr;
    EditActions *m_edit = nullptr;
    ArrangeActions *m_arrange = nullptr;
    ExportActions *m_export = nullptr;
    DesignReview *m_review = nullptr;
    AutoLayoutActions *m_autoLayout = nullptr;
    PracticeMode *m_practice = nullptr;
    TextActions *m_text = nullptr;
    WindowState *m_windowState = nullptr;
    ViewOptions *m_viewOptions = nullptr;
    Autosave *m_autosave = nullptr;
    SaveActions *m_save = nullptr;
    std::unique_ptr<BoardContextMenu> m_contextMenu;
    QPointer<MainWindow> m_lastOpened;
    bool m_shownOnce = false;
};

} // namespace mls

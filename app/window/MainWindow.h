// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
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
    Diagram *diagram() const;
    DiagramScene *scene() const { return m_scene.get(); }
    DiagramView *view() const { return m_view; }
    QUndoStack *undoStack() const;
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
    const QString &filePath() const;
    Autosave *autosave() const { return m_autosave; }
    /// Unsaved changes (also true for work restored after a crash).
    bool isModified() const;

    /// Opens a file in this window; on failure returns false with @p error and leaves the open
    /// diagram as it was. Reader warnings (unknown kinds, flows) go to @p warnings.
    bool openFile(const QString &path, QString *error, QStringList *warnings = nullptr);
    /// Opens a file, in this window when it holds nothing worth keeping, else in a new one;
    /// problems are reported in a dialog.
    bool openFileInteractive(const QString &path);
    /// Shows a new design (an import) as an untitled document: in this window when it holds
    /// nothing worth keeping, else in a new one (lastOpened() tells which).
    void openDesign(std::unique_ptr<Diagram> diagram);
    MainWindow *lastOpened() const
    {
        return m_lastOpened ? m_lastOpened.data() : const_cast<MainWindow *>(this);
    }
    /// Saves to @p path (atomically); on failure says so and stays modified.
    bool saveTo(const QString &path, QString *error);
    /// Takes a restored diagram (crash recovery): shown as modified, autosave continues in
    /// @p sessionId.
    void adoptRecovered(std::unique_ptr<Diagram> diagram, const QString &originalPath,
                        const QString &sessionId);

    /// How often unsaved work is written to the recovery file (default 30 s).
    void setAutosaveInterval(int ms);
    /// Writes the recovery snapshot now if there are unsaved changes (what the timer does).
    void autosaveNow();
    /// The process-wide recovery store (created on first use).
    static RecoveryStore &recoveryStore();
    /// Asks which recovered sessions to restore and opens each in a window. Returns the count.
    static int offerRecovery(QWidget *parent);

Q_SIGNALS:
    /// Another document is shown (new, opened, imported, restored).
    void documentChanged();

public Q_SLOTS:
    bool save();
    bool saveAs();
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
    void createViewMenu(QMenu *view);
    void createCollaborators();
    void setDiagram(std::unique_ptr<Diagram> diagram, const QString &path);
    bool holdsNothing() const;
    void updateTitle();
    void updateStatus();
    void updateSelection();
    void showStatus(const QString &text, int timeoutMs);
    void readSettings();
    void writeSettings() const;
    void showContextMenu(const QPoint &globalPos, const QString &itemId);
    void discardRecovery();

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
    QLabel *m_countsLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
};

} // namespace mls

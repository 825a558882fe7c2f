#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QMenu;
class QTimer;
class QUndoStack;

namespace mls {

class ArrangeActions;
class DesignReview;
class AutoLayoutActions;
class Diagram;
class DiagramScene;
class DiagramView;
class EditActions;
class ExportActions;
class TextActions;
class InspectorPanel;
class PalettePanel;
class PracticeMode;
class RecoveryStore;

/// One window, one diagram: the board with the palette and inspector docks, the menus, the
/// document lifecycle (new, open, save, revert, close) and crash-recovery autosave.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Diagram *diagram() const { return m_diagram.get(); }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    QUndoStack *undoStack() const { return m_undoStack; }
    PalettePanel *palettePanel() const { return m_palette; }
    InspectorPanel *inspector() const { return m_inspector; }
    EditActions *editActions() const { return m_edit; }
    ArrangeActions *arrangeActions() const { return m_arrange; }
    ExportActions *exportActions() const { return m_export; }
    DesignReview *designReview() const { return m_review; }
    AutoLayoutActions *autoLayoutActions() const { return m_autoLayout; }
    PracticeMode *practiceMode() const { return m_practice; }
    TextActions *textActions() const { return m_text; }
    const QString &filePath() const { return m_filePath; }
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
    void setDiagram(std::unique_ptr<Diagram> diagram, const QString &path);
    bool maybeSave();
    void reportSaveFailure(const QString &error);
    bool holdsNothing() const;
    void updateTitle();
    void updateStatus();
    void updateSelection();
    void rememberRecent(const QString &path);
    void fillRecentMenu();
    void readSettings();
    void writeSettings() const;
    void applyViewOptions();
    void showContextMenu(const QPoint &globalPos, const QString &itemId);
    void discardRecovery();

    std::unique_ptr<Diagram> m_diagram;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
    QUndoStack *m_undoStack = nullptr;
    PalettePanel *m_palette = nullptr;
    InspectorPanel *m_inspector = nullptr;
    EditActions *m_edit = nullptr;
    ArrangeActions *m_arrange = nullptr;
    ExportActions *m_export = nullptr;
    DesignReview *m_review = nullptr;
    AutoLayoutActions *m_autoLayout = nullptr;
    PracticeMode *m_practice = nullptr;
    TextActions *m_text = nullptr;
    QPointer<MainWindow> m_lastOpened;
    QMenu *m_recentMenu = nullptr;
    QString m_filePath;
    bool m_restoredUnsaved = false;
    bool m_shownOnce = false;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QTimer *m_autosave = nullptr;
    QString m_recoverySession;
    // View options, kept in QSettings.
    QAction *m_gridAction = nullptr;
    QAction *m_snapAction = nullptr;
    QAction *m_legendAction = nullptr;
    QAction *m_incompatibleAction = nullptr;
    QList<QAction *> m_routingActions;
};

} // namespace mls

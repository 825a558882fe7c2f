#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QUndoStack;

namespace mls {

class Diagram;
class DiagramScene;
class DiagramView;

/// The application window: one open diagram on the board.
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
    const QString &filePath() const { return m_filePath; }

    /// Opens a file; on failure returns false with @p error and leaves the open diagram as it
    /// was. Reader warnings (unknown kinds, flows) go to @p warnings.
    bool openFile(const QString &path, QString *error, QStringList *warnings = nullptr);
    /// Opens a file and reports problems in a dialog.
    bool openFileInteractive(const QString &path);

private:
    void createActions();
    void setDiagram(std::unique_ptr<Diagram> diagram, const QString &path);
    void updateTitle();
    void updateStatus();
    void chooseFile();

    std::unique_ptr<Diagram> m_diagram;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
    QUndoStack *m_undoStack = nullptr;
    QString m_filePath;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
};

} // namespace mls

// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "ArrangeActions.h"
#include "AutoLayoutActions.h"
#include "Autosave.h"
#include "BoardContextMenu.h"
#include "BoardStatus.h"
#include "DesignReview.h"
#include "Diagram.h"
#include "Document.h"
#include "EditActions.h"
#include "EmbeddedDesign.h"
#include "ExportActions.h"
#include "PracticeMode.h"
#include "RecentFiles.h"
#include "RecoveryPrompt.h"
#include "RecoveryStore.h"
#include "SaveActions.h"
#include "StartPage.h"
#include "TemplateLibrary.h"
#include "TextActions.h"
#include "UndoReveal.h"
#include "ViewOptions.h"
#include "WindowMenus.h"
#include "WindowState.h"
#include "canvas/CardStyle.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "commands/CommandIds.h"
#include "dialogs/TemplateGallery.h"
#include "panels/InspectorPanel.h"
#include "panels/PalettePanel.h"
#include "text/DesignFile.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

namespace mls {

namespace {

/// The first local file of @p mime that a window takes: a design, a PNG carrying one, or a
/// diagram to import; empty when there is none.
QString droppedFile(const QMimeData *mime)
{
    for (const QUrl &url : mime->urls()) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : QString();
        if (!path.isEmpty() && (DesignFile::isBoardFile(path) || TextActions::isImportable(path)))
            return path;
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(std::make_unique<Document>())
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    m_view = new DiagramView(this);
    setCentralWidget(m_view);
    new BoardStatus(m_document.get(), m_view, statusBar()); // counts and zoom
    connect(m_view, &DiagramView::fileDropped, this, &MainWindow::openFileInteractive);
    connect(m_view, &DiagramView::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_document.get(), &Document::titleChanged, this, &MainWindow::updateTitle);
    m_autosave = new Autosave(m_document.get(), recoveryStore(), this);
    connect(m_autosave, &Autosave::failed, this,
            [this](const QString &why) { showStatus(why, 10000); });

    createCollaborators();
    setDiagram(std::make_unique<Diagram>(), QString());
    resize(1280, 800);
    m_windowState->applyDefaultLayout(); // what a first start shows; saved state wins
    m_windowState->restore();            // size, position and docks as they were left
    m_viewOptions->readSettings();
}

MainWindow::~MainWindow()
{
    // The panels and the scene follow the diagram: take them off it before the document (a
    // member) goes. Collaborators are children and die after it; the document's undo stack is
    // silent by then.
    m_inspector->setDocument(nullptr, nullptr);
    m_review->setDocument(nullptr, nullptr, nullptr);
    m_practice->setScene(nullptr);
    m_text->detach();
    m_view->setScene(nullptr);
    m_scene.reset();
}

void MainWindow::createCollaborators()
{
    Document *doc = m_document.get();
    m_viewOptions = new ViewOptions(m_view, this);
    m_windowState = new WindowState(this, m_view); // dock layout, panels toggle, minimap
    m_arrange = new ArrangeActions(doc, this);
    m_export = new ExportActions(doc, this);
    m_autoLayout = new AutoLayoutActions(doc, m_view, this);
    statusBar()->insertPermanentWidget(0, m_autoLayout->progressWidget()); // before the counts
    createDocks();
    m_text = new TextActions(doc, this);
    connect(m_text, &TextActions::openRequested, this, &MainWindow::showNewDesign);
    m_save = new SaveActions(doc, this);
    connect(m_save, &SaveActions::statusMessage, this, &MainWindow::showStatus);
    m_edit = new EditActions(doc, m_view, m_text, this);
    connect(m_edit, &EditActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_export, &ExportActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_autoLayout, &AutoLayoutActions::statusMessage, this, &MainWindow::showStatus);
    createMenus();
    m_practice = new PracticeMode(doc, this); // Practice menu and dock, session clock, grading
    connect(m_practice, &PracticeMode::statusMessage, this, &MainWindow::showStatus);
    connect(m_practice, &PracticeMode::openRequested, this, &MainWindow::showNewDesign);
    connect(m_practice, &PracticeMode::openFileRequested, this, &MainWindow::openFileInteractive);
    connect(m_practice, &PracticeMode::referenceRequested, this, &MainWindow::showReference);
    m_contextMenu = std::make_unique<BoardContextMenu>(doc, m_view, m_arrange, m_review, this);
}

void MainWindow::showStatus(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::createDocks()
{
    m_palette = new PalettePanel(this);
    auto *paletteDock = new QDockWidget(tr("Components"), this);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);
    connect(m_palette, &PalettePanel::addRequested, this, [this](const QString &kind) {
        m_view->addComponent(kind, m_view->centreForNewComponent(kind));
        m_view->setFocus();
    });

    m_inspector = new InspectorPanel(this);
    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    resizeDocks({paletteDock, inspectorDock}, {250, 300}, Qt::Horizontal);
    m_review = new DesignReview(this); // Problems and Latency docks, status-bar findings count
}

void MainWindow::createMenus()
{
    auto *menus = new WindowMenus(this, {m_view, m_edit, m_text, m_export, m_save, m_arrange,
                                         m_autoLayout, m_review, m_viewOptions, m_windowState});
    connect(menus, &WindowMenus::newWindowRequested, this, &MainWindow::newWindow);
    connect(menus, &WindowMenus::openRequested, this, &MainWindow::open);
    connect(menus, &WindowMenus::openFileRequested, this, &MainWindow::openFileInteractive);
    connect(menus, &WindowMenus::templateRequested, this, &MainWindow::newFromTemplate);
    connect(menus, &WindowMenus::revertRequested, this, &MainWindow::revert);
    auto *reveal = new UndoReveal(m_document.get(), m_view, m_edit->undoAction(),
                                  m_edit->redoAction(), this); // fits the view after a layout
    connect(reveal, &UndoReveal::statusMessage, this, &MainWindow::showStatus);
}

StartPage *MainWindow::showStartPage()
{
    auto *page = new StartPage(m_document.get(), m_view, this);
    connect(page, &StartPage::templateRequested, this, &MainWindow::newFromTemplate);
    connect(page, &StartPage::openRequested, this, &MainWindow::open);
    connect(page, &StartPage::openFileRequested, this, &MainWindow::openFileInteractive);
    page->show();
    page->raise();
    page->focusFirst();
    return page;
}

void MainWindow::showContextMenu(const QPoint &globalPos, const QString &itemId)
{
    m_contextMenu->exec(globalPos, itemId);
}

void MainWindow::setDiagram(std::unique_ptr<Diagram> diagram, const QString &path)
{
    m_edit->cancelGestures();
    m_inspector->setDocument(nullptr, nullptr);
    // The old scene stays shown until the new one replaces it in the view.
    std::unique_ptr<DiagramScene> old = std::move(m_scene);
    m_document->replace(std::move(diagram), path);
    Diagram *d = m_document->diagram();
    QUndoStack *undo = m_document->undoStack();
    m_scene = std::make_unique<DiagramScene>(d, nullptr, DiagramScene::Items::Later);
    m_scene->setUndoStack(undo);
    m_scene->setStyle(CardStyle::fromPalette(palette()));
    m_view->setScene(m_scene.get());
    old.reset(); // before anything follows the new scene: the old one's diagram is gone
    DiagramScene *scene = m_scene.get();
    m_viewOptions->setScene(scene); // the routing before the arrows: each is routed once
    m_scene->buildItems();
    m_edit->setScene(scene);
    m_arrange->setScene(scene);
    m_export->setScene(scene);
    m_autoLayout->setScene(scene);
    m_inspector->setDocument(d, undo);
    m_review->setDocument(d, scene, undo);
    if (m_practice)
        m_practice->setScene(scene);
    connect(scene, &QGraphicsScene::selectionChanged, this, &MainWindow::updateSelection);
    connect(scene, &DiagramScene::labelEditRequested, m_view, &DiagramView::editLabel);
    connect(scene, &DiagramScene::statusMessage, this,
            [this](const QString &text) { showStatus(text, 8000); });
    updateTitle();
    updateSelection();
    QTimer::singleShot(0, m_view, &DiagramView::fitToContent); // once the window has its size
    m_view->fitToContent();
    Q_EMIT documentChanged();
}

bool MainWindow::openFile(const QString &path, QString *error, QStringList *warnings)
{
    ReadResult result = DesignFile::readFile(path);
    if (!result.ok()) {
        if (error)
            *error = result.error;
        return false;
    }
    if (warnings)
        *warnings = result.warnings;
    discardRecovery();
    // Templates open as untitled copies: saving must not target the read-only resource. So
    // does the text form (.mls): Save writes a .mlsketch, which keeps the positions.
    // A PNG's embedded design too: Save must not overwrite the picture with JSON.
    const bool isTemplate = TemplateLibrary::isTemplatePath(path) || DesignFile::isText(path) ||
                            EmbeddedDesign::isPng(path);
    setDiagram(std::move(result.diagram), isTemplate ? QString() : path);
    if (!isTemplate)
        RecentFiles::remember(QFileInfo(path).absoluteFilePath());
    return true;
}

void MainWindow::showNewDesign(std::unique_ptr<Diagram> &design, QMainWindow *&shownIn)
{
    MainWindow *target = this;
    if (!holdsNothing())
        target = new MainWindow;
    target->discardRecovery();
    // An import or a new practice attempt is unsaved work, autosaved from the start.
    target->adoptRecovered(std::move(design), QString(), QString());
    target->show();
    m_lastOpened = target;
    shownIn = target;
}

void MainWindow::showReference(const QString &path, const QString &title,
                               const QHash<QString, QColor> &pairColours)
{
    auto *other = new MainWindow;
    QString error;
    other->openFile(path, &error);
    other->setWindowTitle(title);
    other->scene()->setPairColors(pairColours);
    other->show();
}

bool MainWindow::openFileInteractive(const QString &path)
{
    MainWindow *target = this;
    if (!holdsNothing()) {
        target = new MainWindow;
        target->show();
    }
    QString error;
    QStringList warnings;
    if (!target->openFile(path, &error, &warnings)) {
        QMessageBox::warning(target, tr("Cannot open diagram"), error);
        if (target != this)
            target->close();
        return false;
    }
    if (!warnings.isEmpty())
        target->showStatus(tr("Opened with %1: %2")
                               .arg(countText(int(warnings.size()), tr("warning"), tr("warnings")),
                                    warnings.first()),
                           15000);
    return true;
}

void MainWindow::open()
{
    const QString dir = filePath().isEmpty() ? QString() : QFileInfo(filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Diagram"), dir,
        tr("mlsketch diagrams (*.mlsketch *.mls *.png);;All files (*)"));
    if (!path.isEmpty())
        openFileInteractive(path);
}

void MainWindow::newFromTemplate()
{
    TemplateGallery gallery(this);
    if (gallery.exec() == QDialog::Accepted && gallery.current().isValid())
        openFileInteractive(gallery.current().path);
}

void MainWindow::newWindow()
{
    auto *w = new MainWindow;
    w->show();
}

void MainWindow::revert()
{
    if (!m_save->confirmRevert())
        return;
    QString error;
    if (!openFile(filePath(), &error))
        QMessageBox::warning(this, tr("Cannot revert"), error);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_save->maybeSave()) {
        event->ignore();
        return;
    }
    m_windowState->save();
    m_viewOptions->writeSettings();
    discardRecovery(); // a clean close leaves no recovery file behind
    event->accept();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        QTimer::singleShot(0, m_view, &DiagramView::fitToContent); // with the final size
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_scene)
        m_scene->setStyle(CardStyle::fromPalette(palette()));
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    if (TextActions::isImportable(path))
        m_text->importFile(path);
    else
        openFileInteractive(path);
    event->acceptProposedAction();
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — mlsketch").arg(m_document->displayName()));
    setWindowModified(isModified());
}

void MainWindow::updateSelection()
{
    if (!m_scene)
        return;
    m_inspector->setSelection(m_scene->selectedComponentIds(), m_scene->selectedConnectionIds());
    m_edit->updateEnabled();
    m_arrange->updateEnabled();
    m_autoLayout->updateEnabled();
}

// ---- settings and crash recovery -----------------------------------------------------------

RecoveryStore &MainWindow::recoveryStore()
{
    static RecoveryStore store(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                               QStringLiteral("/recovery"));
    return store;
}

void MainWindow::adoptRecovered(std::unique_ptr<Diagram> diagram, const QString &originalPath,
                                const QString &sessionId)
{
    setDiagram(std::move(diagram), originalPath);
    m_document->markUnsaved();
    m_autosave->adopt(sessionId);
}

int MainWindow::offerRecovery(QWidget *parent)
{
    std::vector<RestoredSession> sessions = RecoveryPrompt::ask(recoveryStore(), parent);
    for (RestoredSession &s : sessions) {
        auto *w = new MainWindow;
        w->adoptRecovered(std::move(s.diagram), s.originalPath, s.sessionId);
        w->show();
    }
    return int(sessions.size());
}

} // namespace mls

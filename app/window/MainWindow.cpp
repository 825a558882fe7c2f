#include "MainWindow.h"

#include "ArrangeActions.h"
#include "AutoLayoutActions.h"
#include "DesignReview.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "EditActions.h"
#include "ExportActions.h"
#include "PracticeMode.h"
#include "RecoveryStore.h"
#include "TemplateLibrary.h"
#include "TextActions.h"
#include "canvas/CardStyle.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/FlowLegendOverlay.h"
#include "commands/CommandIds.h"
#include "dialogs/TemplateGallery.h"
#include "panels/InspectorPanel.h"
#include "panels/PalettePanel.h"
#include "text/DesignFile.h"

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace mls {

namespace {
constexpr int maxRecentFiles = 10;
constexpr int defaultAutosaveMs = 30000;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_undoStack(new QUndoStack(this)), m_autosave(new QTimer(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    m_view = new DiagramView(this);
    setCentralWidget(m_view);
    m_countsLabel = new QLabel(this);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setMinimumWidth(48);
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &DiagramView::zoomChanged, this, &MainWindow::updateStatus);
    connect(m_view, &DiagramView::fileDropped, this, &MainWindow::openFileInteractive);
    connect(m_view, &DiagramView::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
        if (!m_undoStack->isClean() && m_recoverySession.isEmpty())
            m_autosave->start();
    });
    m_autosave->setInterval(defaultAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, &MainWindow::autosaveNow);

    m_edit = new EditActions(this);
    m_arrange = new ArrangeActions(this);
    m_export = new ExportActions(this);
    m_autoLayout = new AutoLayoutActions(this);
    createDocks();
    m_text = new TextActions(this);
    createMenus();
    m_practice = new PracticeMode(this); // Practice menu and dock, session clock, grading
    setDiagram(std::make_unique<Diagram>(), QString());
    resize(1280, 800);
    readSettings();
}

MainWindow::~MainWindow()
{
    // Children (the undo stack among them) die in ~QWidget, after this object is no longer a
    // MainWindow: nothing of theirs may call back into it.
    disconnect(m_undoStack, nullptr, this, nullptr);
    m_autosave->stop();
    // The scene follows the diagram's signals: take it down first.
    m_inspector->setDocument(nullptr, nullptr);
    m_review->setDocument(nullptr, nullptr, nullptr);
    m_practice->setDocument(nullptr, nullptr, nullptr);
    m_text->setDocument(nullptr);
    delete m_scene;
    m_scene = nullptr;
}

bool MainWindow::isModified() const
{
    return m_restoredUnsaved || !m_undoStack->isClean();
}

void MainWindow::createDocks()
{
    m_palette = new PalettePanel(this);
    auto *paletteDock = new QDockWidget(tr("Components"), this);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);
    connect(m_palette, &PalettePanel::addRequested, this, [this](const QString &kind) {
        m_view->addComponent(kind, m_view->centreForNewComponent());
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
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New"), QKeySequence::New,
                    this, &MainWindow::newWindow);
    file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"),
                    QKeySequence::Open, this, &MainWindow::open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("New from &Template…"), QKeySequence(tr("Ctrl+Shift+N")), this,
                    &MainWindow::newFromTemplate);
    file->addSeparator();
    file->addAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"),
                    QKeySequence::Save, this, &MainWindow::save);
    // QKeySequence::SaveAs is empty on some desktops (KDE, plain X11): give the usual keys.
    file->addAction(tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                    &MainWindow::saveAs);
    file->addAction(tr("Re&vert"), this, &MainWindow::revert);
    file->addSeparator();
    m_text->populateFileMenu(file);
    m_export->populateFileMenu(file);
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_edit->populate(edit);
    m_export->populateEditMenu(edit);
    createViewMenu(menuBar()->addMenu(tr("&View")));
    QMenu *arrange = menuBar()->addMenu(tr("&Arrange"));
    m_arrange->populate(arrange);
    m_autoLayout->populate(arrange);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_edit->undoAction());
    bar->addAction(m_edit->redoAction());
    bar->addSeparator();
    bar->addAction(tr("Fit"), m_view, &DiagramView::fitToContent);
}

void MainWindow::createViewMenu(QMenu *view)
{
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_view, &DiagramView::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_view, &DiagramView::zoomOut);
    view->addAction(tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), m_view,
                    &DiagramView::actualSize);
    view->addAction(tr("&Fit"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), m_view,
                    &DiagramView::fitToContent);
    view->addSeparator();
    m_gridAction = view->addAction(tr("Show &Grid"));
    m_gridAction->setCheckable(true);
    m_snapAction = view->addAction(tr("&Snap to Grid"));
    m_snapAction->setCheckable(true);
    m_legendAction = view->addAction(tr("Show Flow &Legend"));
    m_legendAction->setObjectName(QStringLiteral("viewFlowLegend"));
    m_legendAction->setCheckable(true);
    m_legendAction->setToolTip(tr("A key to the arrows' colours and dashes in the board's corner"));
    QMenu *routing = view->addMenu(tr("&Connections"));
    auto *group = new QActionGroup(this);
    for (const QString &name : {tr("&Straight"), tr("&Orthogonal"), tr("&Curved")}) {
        QAction *a = routing->addAction(name);
        a->setCheckable(true);
        group->addAction(a);
        m_routingActions << a;
    }
    m_incompatibleAction = view->addAction(tr("Allow &Incompatible Connections"));
    m_incompatibleAction->setCheckable(true);
    m_incompatibleAction->setToolTip(
        tr("Draw connections no flow fits anyway, for the design rules to flag"));
    for (QAction *a : {m_gridAction, m_snapAction, m_legendAction, m_incompatibleAction})
        connect(a, &QAction::toggled, this, &MainWindow::applyViewOptions);
    for (QAction *a : std::as_const(m_routingActions))
        connect(a, &QAction::toggled, this, &MainWindow::applyViewOptions);
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());
}

void MainWindow::showContextMenu(const QPoint &globalPos, const QString &itemId)
{
    QMenu menu(this);
    auto add = [&](const char *name) {
        if (auto *a = findChild<QAction *>(QString::fromLatin1(name)))
            menu.addAction(a);
    };
    if (itemId.isEmpty()) {
        add("editPaste");
        add("editSelectAll");
        menu.addAction(tr("Fit"), m_view, &DiagramView::fitToContent);
    } else if (m_diagram->group(itemId)) {
        add("editRename");
        menu.addMenu(m_arrange->zoneColourMenu(&menu));
        add("arrangeUngroup");
        menu.addSeparator();
        add("editDelete");
    } else if (m_diagram->connection(itemId)) {
        add("editDelete");
        m_review->addContextActions(&menu, itemId);
    } else {
        add("editRename");
        add("editCut");
        add("editCopy");
        add("editDuplicate");
        menu.addSeparator();
        add("arrangeGroup");
        add("arrangeFront");
        add("arrangeBack");
        add("arrangePin");
        menu.addSeparator();
        add("editDelete");
        m_review->addContextActions(&menu, itemId);
    }
    menu.exec(globalPos);
}

void MainWindow::applyViewOptions()
{
    if (!m_scene)
        return;
    m_scene->setGridVisible(m_gridAction->isChecked());
    m_scene->setSnapToGrid(m_snapAction->isChecked());
    m_scene->setAllowIncompatible(m_incompatibleAction->isChecked());
    m_view->flowLegend()->setScene(m_scene);
    m_view->flowLegend()->setWanted(m_legendAction->isChecked());
    for (int i = 0; i < m_routingActions.size(); ++i) {
        if (m_routingActions[i]->isChecked())
            m_scene->setRouting(ConnectionItem::Routing(i));
    }
}

void MainWindow::setDiagram(std::unique_ptr<Diagram> diagram, const QString &path)
{
    m_edit->cancelGestures();
    m_undoStack->clear();
    m_inspector->setDocument(nullptr, nullptr);
    DiagramScene *old = m_scene;
    m_diagram = std::move(diagram);
    m_scene = new DiagramScene(m_diagram.get(), this);
    m_scene->setUndoStack(m_undoStack);
    m_scene->setStyle(CardStyle::fromPalette(palette()));
    m_view->setScene(m_scene);
    delete old;
    m_filePath = path;
    m_restoredUnsaved = false;
    applyViewOptions();
    m_inspector->setDocument(m_diagram.get(), m_undoStack);
    m_review->setDocument(m_diagram.get(), m_scene, m_undoStack);
    if (m_practice)
        m_practice->setDocument(m_diagram.get(), m_scene, m_undoStack);
    m_text->setDocument(m_diagram.get());
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::updateSelection);
    connect(m_scene, &DiagramScene::labelEditRequested, m_view, &DiagramView::editLabel);
    connect(m_scene, &DiagramScene::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    for (auto signal : {&Diagram::componentAdded, &Diagram::componentRemoved,
                        &Diagram::connectionAdded, &Diagram::connectionRemoved})
        connect(m_diagram.get(), signal, this, &MainWindow::updateStatus);
    connect(m_diagram.get(), &Diagram::metaChanged, this, &MainWindow::updateTitle);
    updateTitle();
    updateStatus();
    updateSelection();
    QTimer::singleShot(0, m_view, &DiagramView::fitToContent); // once the window has its size
    m_view->fitToContent();
}

bool MainWindow::holdsNothing() const
{
    return m_filePath.isEmpty() && !isModified() && m_diagram->components().empty();
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
    const bool isTemplate = TemplateLibrary::isTemplatePath(path) || DesignFile::isText(path);
    setDiagram(std::move(result.diagram), isTemplate ? QString() : path);
    if (!isTemplate)
        rememberRecent(QFileInfo(path).absoluteFilePath());
    return true;
}

void MainWindow::openDesign(std::unique_ptr<Diagram> diagram)
{
    MainWindow *target = this;
    if (!holdsNothing()) {
        target = new MainWindow;
        target->show();
    }
    target->discardRecovery();
    target->setDiagram(std::move(diagram), QString());
    target->m_restoredUnsaved = true; // an import is unsaved work
    target->updateTitle();
    target->m_view->fitToContent();
    m_lastOpened = target;
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
        target->statusBar()->showMessage(
            tr("Opened with %1: %2")
                .arg(countText(int(warnings.size()), tr("warning"), tr("warnings")),
                     warnings.first()),
            15000);
    return true;
}

void MainWindow::open()
{
    const QString dir = m_filePath.isEmpty() ? QString() : QFileInfo(m_filePath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Diagram"), dir, tr("mlsketch diagrams (*.mlsketch *.mls);;All files (*)"));
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

bool MainWindow::saveTo(const QString &path, QString *error)
{
    if (!DiagramWriter::save(*m_diagram, path, error))
        return false;
    m_filePath = path;
    m_restoredUnsaved = false;
    m_undoStack->setClean();
    discardRecovery();
    rememberRecent(QFileInfo(path).absoluteFilePath());
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

void MainWindow::reportSaveFailure(const QString &error)
{
    QMessageBox::critical(
        this, tr("Save failed"),
        tr("The diagram was not saved; your changes are still open.\n\n%1").arg(error));
}

bool MainWindow::save()
{
    if (m_filePath.isEmpty())
        return saveAs();
    QString error;
    if (!saveTo(m_filePath, &error)) {
        reportSaveFailure(error);
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    QString suggestion = m_filePath;
    if (suggestion.isEmpty()) {
        const QString title = m_diagram->meta().title;
        suggestion = (title.isEmpty() ? tr("Untitled") : title) + QStringLiteral(".mlsketch");
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save Diagram"), suggestion,
                                                tr("mlsketch diagrams (*.mlsketch)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".mlsketch")))
        path += QLatin1String(".mlsketch");
    QString error;
    if (!saveTo(path, &error)) {
        reportSaveFailure(error);
        return false;
    }
    return true;
}

void MainWindow::revert()
{
    if (m_filePath.isEmpty() || !isModified())
        return;
    if (QMessageBox::question(this, tr("Revert"),
                              tr("Discard all changes and reload %1 from disk?")
                                  .arg(QFileInfo(m_filePath).fileName())) != QMessageBox::Yes)
        return;
    QString error;
    if (!openFile(m_filePath, &error))
        QMessageBox::warning(this, tr("Cannot revert"), error);
}

bool MainWindow::maybeSave()
{
    if (!isModified())
        return true;
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"), tr("Save the changes to %1 before closing?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
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
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && (url.toLocalFile().endsWith(QLatin1String(".mlsketch")) ||
                                  TextActions::isImportable(url.toLocalFile()))) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && TextActions::isImportable(url.toLocalFile())) {
            m_text->importFile(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".mlsketch"))) {
            openFileInteractive(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::updateTitle()
{
    const QString title = m_diagram->meta().title;
    const QString name = m_filePath.isEmpty() ? (title.isEmpty() ? tr("Untitled") : title)
                                              : QFileInfo(m_filePath).fileName();
    setWindowTitle(QStringLiteral("%1[*] — mlsketch").arg(name));
    setWindowModified(isModified());
}

void MainWindow::updateStatus()
{
    const int components = int(m_diagram->components().size());
    const int connections = int(m_diagram->connections().size());
    m_countsLabel->setText(
        QStringLiteral("%1 · %2").arg(countText(components, tr("component"), tr("components")),
                                      countText(connections, tr("connection"), tr("connections"))));
    m_zoomLabel->setText(tr("%1 %").arg(qRound(m_view->zoom() * 100)));
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

// ---- recent files and settings ------------------------------------------------------------

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName(), this,
                                             [this, path] { openFileInteractive(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    else
        m_recentMenu->addAction(tr("Clear List"), this,
                                [] { QSettings().remove(QStringLiteral("recentFiles")); });
}

void MainWindow::readSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_gridAction->setChecked(settings.value(QStringLiteral("view/grid"), true).toBool());
    m_snapAction->setChecked(settings.value(QStringLiteral("view/snap"), true).toBool());
    m_legendAction->setChecked(settings.value(QStringLiteral("view/flowLegend"), true).toBool());
    m_incompatibleAction->setChecked(
        settings.value(QStringLiteral("view/allowIncompatible"), false).toBool());
    const int routing = settings.value(QStringLiteral("view/routing"), 0).toInt();
    m_routingActions.value(routing, m_routingActions[1])->setChecked(true);
    applyViewOptions();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("view/grid"), m_gridAction->isChecked());
    settings.setValue(QStringLiteral("view/snap"), m_snapAction->isChecked());
    settings.setValue(QStringLiteral("view/flowLegend"), m_legendAction->isChecked());
    settings.setValue(QStringLiteral("view/allowIncompatible"), m_incompatibleAction->isChecked());
    for (int i = 0; i < m_routingActions.size(); ++i) {
        if (m_routingActions[i]->isChecked())
            settings.setValue(QStringLiteral("view/routing"), i);
    }
}

// ---- crash recovery -------------------------------------------------------------------------

RecoveryStore &MainWindow::recoveryStore()
{
    static RecoveryStore store(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                               QStringLiteral("/recovery"));
    return store;
}

void MainWindow::setAutosaveInterval(int ms)
{
    m_autosave->setInterval(ms);
}

void MainWindow::autosaveNow()
{
    if (!isModified())
        return;
    RecoveryStore &store = recoveryStore();
    if (m_recoverySession.isEmpty())
        m_recoverySession = store.createSession(m_filePath);
    store.setOriginalPath(m_recoverySession, m_filePath);
    // The document's name as the title bar shows it, without the marker and the app name.
    store.setTitle(
        m_recoverySession,
        windowTitle().remove(QStringLiteral("[*]")).remove(QStringLiteral(" — mlsketch")));
    // Serialising is quick; the disk write happens on the store's worker thread. A design the
    // reader would refuse is not snapshotted: the last good recovery file stays.
    QString why;
    const QByteArray bytes = DiagramWriter::write(*m_diagram, &why);
    if (bytes.isEmpty()) {
        statusBar()->showMessage(tr("Autosave skipped: %1").arg(why), 10000);
        return;
    }
    store.saveAsync(m_recoverySession, bytes);
    if (!m_autosave->isActive())
        m_autosave->start();
}

void MainWindow::discardRecovery()
{
    m_autosave->stop();
    if (!m_recoverySession.isEmpty())
        recoveryStore().discard(m_recoverySession);
    m_recoverySession.clear();
}

void MainWindow::adoptRecovered(std::unique_ptr<Diagram> diagram, const QString &originalPath,
                                const QString &sessionId)
{
    setDiagram(std::move(diagram), originalPath);
    m_restoredUnsaved = true;
    m_recoverySession = sessionId;
    m_autosave->start();
    updateTitle();
}

int MainWindow::offerRecovery(QWidget *parent)
{
    RecoveryStore &store = recoveryStore();
    const QVector<RecoverableSession> orphans = store.findOrphans();
    if (orphans.isEmpty())
        return 0;
    QStringList lines;
    for (const RecoverableSession &s : orphans)
        lines << QStringLiteral("• %1 (%2)")
                     .arg(s.title.isEmpty() ? tr("Untitled") : s.title,
                          QLocale().toString(s.savedAt.toLocalTime(), QLocale::ShortFormat));
    QMessageBox box(QMessageBox::Question, tr("Restore unsaved work?"),
                    tr("mlsketch did not close properly. Unsaved work was found:\n\n%1\n\n"
                       "Restore it?")
                        .arg(lines.join(QLatin1Char('\n'))),
                    QMessageBox::Yes | QMessageBox::Discard, parent);
    box.setDefaultButton(QMessageBox::Yes);
    box.button(QMessageBox::Yes)->setText(tr("Restore"));
    const auto answer = QMessageBox::StandardButton(box.exec());
    int restored = 0;
    for (const RecoverableSession &s : orphans) {
        QString error;
        std::unique_ptr<Diagram> d;
        if (answer == QMessageBox::Yes)
            d = store.restore(s.id, &error);
        if (!d || !store.adopt(s.id)) {
            if (answer == QMessageBox::Yes && !error.isEmpty())
                QMessageBox::warning(parent, tr("Cannot restore"), error);
            store.discard(s.id);
            continue;
        }
        auto *w = new MainWindow;
        w->adoptRecovered(std::move(d), s.originalPath, s.id);
        w->show();
        ++restored;
    }
    return restored;
}

} // namespace mls

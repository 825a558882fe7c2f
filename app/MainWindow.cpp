#include "MainWindow.h"

#include "Diagram.h"
#include "DiagramReader.h"
#include "TemplateLibrary.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

namespace mls {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_undoStack(new QUndoStack(this))
{
    m_view = new DiagramView(this);
    setCentralWidget(m_view);
    m_countsLabel = new QLabel(this);
    m_zoomLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &DiagramView::zoomChanged, this, &MainWindow::updateStatus);
    createActions();
    setDiagram(std::make_unique<Diagram>(), QString());
    resize(1280, 800);
}

MainWindow::~MainWindow()
{
    // The scene follows the diagram's signals: take it down first.
    delete m_scene;
    m_scene = nullptr;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    QMenu *templates = file->addMenu(tr("Open &Template"));
    for (const TemplateInfo &t : TemplateLibrary::all()) {
        const QString path = t.path;
        templates->addAction(t.title, this, [this, path] { openFileInteractive(path); });
    }
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_view, &DiagramView::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_view, &DiagramView::zoomOut);
    view->addAction(tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), m_view,
                    &DiagramView::actualSize);
    view->addAction(tr("&Fit"), QKeySequence(Qt::CTRL | Qt::Key_9), m_view,
                    &DiagramView::fitToContent);
}

void MainWindow::setDiagram(std::unique_ptr<Diagram> diagram, const QString &path)
{
    m_undoStack->clear();
    DiagramScene *old = m_scene;
    m_diagram = std::move(diagram);
    m_scene = new DiagramScene(m_diagram.get(), this);
    m_scene->setStyle(CardStyle::fromPalette(palette()));
    m_view->setScene(m_scene);
    delete old;
    m_filePath = path;
    for (auto signal : {&Diagram::componentAdded, &Diagram::componentRemoved,
                        &Diagram::connectionAdded, &Diagram::connectionRemoved})
        connect(m_diagram.get(), signal, this, &MainWindow::updateStatus);
    connect(m_diagram.get(), &Diagram::metaChanged, this, &MainWindow::updateTitle);
    updateTitle();
    updateStatus();
    // Fit once the window has its final size.
    QTimer::singleShot(0, m_view, &DiagramView::fitToContent);
    m_view->fitToContent();
}

bool MainWindow::openFile(const QString &path, QString *error, QStringList *warnings)
{
    ReadResult result = DiagramReader::readFile(path);
    if (!result.ok()) {
        if (error)
            *error = result.error;
        return false;
    }
    if (warnings)
        *warnings = result.warnings;
    // Templates open as untitled copies: saving must not target the read-only resource.
    setDiagram(std::move(result.diagram), path.startsWith(QLatin1Char(':')) ? QString() : path);
    return true;
}

bool MainWindow::openFileInteractive(const QString &path)
{
    QString error;
    QStringList warnings;
    if (!openFile(path, &error, &warnings)) {
        QMessageBox::warning(this, tr("Cannot open diagram"), error);
        return false;
    }
    if (!warnings.isEmpty()) {
        statusBar()->showMessage(tr("Opened with %n warning(s): %1", nullptr, int(warnings.size()))
                                     .arg(warnings.first()),
                                 10000);
    }
    return true;
}

void MainWindow::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Diagram"), QFileInfo(m_filePath).absolutePath(),
                                     tr("mlsketch diagrams (*.mlsketch);;All files (*)"));
    if (!path.isEmpty())
        openFileInteractive(path);
}

void MainWindow::updateTitle()
{
    const QString title = m_diagram->meta().title;
    const QString name = m_filePath.isEmpty() ? (title.isEmpty() ? tr("Untitled") : title)
                                              : QFileInfo(m_filePath).fileName();
    setWindowTitle(QStringLiteral("%1 — mlsketch").arg(name));
}

void MainWindow::updateStatus()
{
    const int components = int(m_diagram->components().size());
    const int connections = int(m_diagram->connections().size());
    m_countsLabel->setText(tr("%1 components · %2 connections").arg(components).arg(connections));
    m_zoomLabel->setText(tr("%1 %").arg(qRound(m_view->zoom() * 100)));
}

} // namespace mls

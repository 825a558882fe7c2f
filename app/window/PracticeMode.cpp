// SPDX-License-Identifier: MIT
#include "PracticeMode.h"

#include "Catalog.h"
#include "DesignSteps.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "Document.h"
#include "Grader.h"
#include "KindPairing.h"
#include "MetaFields.h"
#include "PracticeHistory.h"
#include "Problem.h"
#include "canvas/DiagramScene.h"
#include "commands/SetMetaCommand.h"
#include "practice/HistoryDialog.h"
#include "practice/PracticeDock.h"
#include "practice/ProblemPicker.h"

#include <QAction>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QTimer>
#include <QUndoStack>

namespace mls {

namespace {

constexpr int tickMs = 1000;
constexpr qint64 persistEveryMs = 10000; ///< clock time written into meta (and so autosaved)

QListWidgetItem *pairRow(QListWidget *list, const QString &text, const QColor &colour)
{
    auto *item = new QListWidgetItem(text, list);
    if (colour.isValid()) {
        QPixmap swatch(14, 14);
        swatch.fill(colour);
        item->setIcon(QIcon(swatch));
    }
    return item;
}

} // namespace

PracticeMode::PracticeMode(Document *document, QMainWindow *window)
    : QObject(window), m_document(document), m_window(window),
      m_historyFolder(PracticeHistory::defaultFolder()), m_timer(new QTimer(this)),
      m_dock(new PracticeDock), m_dockWidget(new QDockWidget(tr("Practice"), window))
{
    m_dockWidget->setObjectName(QStringLiteral("practiceDock"));
    auto *scroll = new QScrollArea(m_dockWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_dock);
    m_dockWidget->setWidget(scroll);
    m_dockWidget->setMinimumWidth(340);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dockWidget);
    // Tabbed with the Inspector: the prompt, clock and results get the dock's whole height.
    if (auto *inspector = window->findChild<QDockWidget *>(QStringLiteral("inspectorDock")))
        window->tabifyDockWidget(inspector, m_dockWidget);
    m_dockWidget->hide();

    QMenu *menu = new QMenu(tr("&Practice"), window);
    QAction *help = nullptr;
    for (QAction *a : window->menuBar()->actions()) {
        if (a->text().remove(QLatin1Char('&')) == QLatin1String("Help"))
            help = a;
    }
    window->menuBar()->insertMenu(help, menu);
    menu->addAction(tr("&Start…"), QKeySequence(tr("Ctrl+Shift+P")), this,
                    &PracticeMode::startDialog);
    m_pauseAction = menu->addAction(tr("&Pause / Resume"), this, &PracticeMode::togglePause);
    m_hintAction = menu->addAction(tr("&Hint"), this, [this] { hint(); });
    m_submitAction = menu->addAction(tr("S&ubmit"), this, &PracticeMode::submit);
    menu->addSeparator();
    m_compareAction =
        menu->addAction(tr("&Compare with Reference"), this, &PracticeMode::compareWithReference);
    menu->addAction(tr("H&istory…"), this, &PracticeMode::showHistory);
    menu->addAction(m_dockWidget->toggleViewAction());

    m_timer->setInterval(tickMs);
    connect(m_timer, &QTimer::timeout, this, &PracticeMode::tick);
    connect(m_dock, &PracticeDock::pauseToggled, this, &PracticeMode::togglePause);
    connect(m_dock, &PracticeDock::hintRequested, this, [this] { hint(); });
    connect(m_dock, &PracticeDock::submitRequested, this, &PracticeMode::submit);
    connect(m_dock, &PracticeDock::itemSelected, this, &PracticeMode::highlight);
    connect(m_dock, &PracticeDock::notesEdited, this, &PracticeMode::editNotes);
    connect(m_dock, &PracticeDock::checkToggled, this, &PracticeMode::toggleCheck);
    updateActions();
}

Diagram *PracticeMode::attempt() const
{
    return m_scene ? m_document->diagram() : nullptr;
}

void PracticeMode::setScene(DiagramScene *scene)
{
    m_timer->stop();
    m_scene = scene;
    Diagram *diagram = attempt();
    m_problem = nullptr;
    m_grade = {};
    m_unsaved = 0;
    const auto state = diagram ? PracticeState::of(diagram->meta()) : std::nullopt;
    if (state)
        m_problem = ProblemSet::find(state->problem);
    m_state = m_problem ? *state : PracticeState();
    m_dock->setSession(m_problem, m_state,
                       diagram ? known::stepNotes(diagram->meta()) : QHash<QString, QString>());
    if (m_problem) {
        m_dock->setHints(hintLines());
        m_dockWidget->show();
        m_dockWidget->raise();
        m_window->resizeDocks({m_dockWidget}, {420}, Qt::Horizontal);
        if (m_state.submitted) {
            m_grade = Grader::grade(*diagram, *m_problem, m_state.hints);
            m_dock->showGrade(m_grade, m_problem);
        } else if (!m_state.paused) {
            m_since.start();
            m_timer->start();
        }
    }
    updateActions();
}

void PracticeMode::startDialog()
{
    ProblemPicker picker(m_window);
    if (m_problem)
        picker.select(m_problem->id);
    if (picker.exec() == QDialog::Accepted && !picker.problemId().isEmpty())
        start(picker.problemId(), picker.minutes());
}

QMainWindow *PracticeMode::start(const QString &problemId, int minutes)
{
    const Problem *problem = ProblemSet::find(problemId);
    if (!problem)
        return nullptr;
    auto d = std::make_unique<Diagram>();
    PracticeState s;
    s.problem = problem->id;
    s.minutes = minutes;
    Meta meta = d->meta();
    meta.title = tr("Practice: %1").arg(problem->title);
    d->setMeta(s.writtenTo(meta));
    // Taken as unsaved work: autosaved into the recovery file from the start.
    QMainWindow *target = nullptr;
    Q_EMIT openRequested(d, target);
    if (target)
        target->activateWindow();
    return target;
}

void PracticeMode::togglePause()
{
    if (!m_problem || m_state.submitted)
        return;
    tick();
    m_state.paused = !m_state.paused;
    if (m_state.paused) {
        m_timer->stop();
    } else {
        m_since.start();
        m_timer->start();
    }
    persist();
    m_dock->setClock(m_state);
    updateActions();
}

void PracticeMode::tick()
{
    if (!m_problem || m_state.paused || m_state.submitted || !m_since.isValid())
        return;
    advanceClock(m_since.restart());
}

void PracticeMode::advanceClock(qint64 ms)
{
    if (!m_problem || m_state.submitted)
        return;
    m_state.stepMs[m_state.currentStep()] += ms;
    m_state.elapsedMs += ms;
    m_unsaved += ms;
    if (m_unsaved >= persistEveryMs)
        persist();
    m_dock->setClock(m_state);
    if (m_state.remainingMs() <= 0) {
        Q_EMIT statusMessage(tr("Time is up: the attempt is graded"), 8000);
        submit();
    }
}

void PracticeMode::persist()
{
    m_unsaved = 0;
    if (Diagram *d = attempt())
        d->setMeta(m_state.writtenTo(d->meta()));
}

bool PracticeMode::hint()
{
    Diagram *d = attempt();
    if (!m_problem || m_state.submitted || !d)
        return false;
    const Grade g = Grader::grade(*d, *m_problem, m_state.hints);
    const RubricItem *item = Grader::nextHint(g, *m_problem);
    if (!item) {
        Q_EMIT statusMessage(tr("No hint left: every rubric item is met"), 6000);
        return false;
    }
    m_state.hints << item->id;
    persist();
    m_dock->setHints(hintLines());
    return true;
}

QStringList PracticeMode::hintLines() const
{
    QStringList lines;
    for (const QString &id : m_state.hints) {
        if (const RubricItem *item = m_problem ? m_problem->item(id) : nullptr)
            lines << tr("%1 (−%2 points): %3").arg(item->title).arg(item->points).arg(item->hint);
    }
    return lines;
}

void PracticeMode::submit()
{
    Diagram *d = attempt();
    if (!m_problem || m_state.submitted || !d)
        return;
    if (m_state.remainingMs() > 0)
        tick(); // the time since the last tick counts (a time-out submits from inside a tick)
    m_timer->stop();
    m_grade = Grader::grade(*d, *m_problem, m_state.hints);
    m_state.submitted = true;
    m_state.score = m_grade.score;
    persist();
    m_dock->setClock(m_state);
    m_dock->showGrade(m_grade, m_problem);
    QString error;
    PracticeHistory history(m_historyFolder);
    if (history.add(*d, QDateTime::currentDateTimeUtc(), &error, &m_lastAttempt))
        Q_EMIT statusMessage(
            tr("Scored %1/100; the attempt is kept in Practice → History").arg(m_grade.score),
            8000);
    else
        Q_EMIT statusMessage(tr("Scored %1/100, but the attempt could not be kept: %2")
                                 .arg(m_grade.score)
                                 .arg(error),
                             12000);
    updateActions();
}

void PracticeMode::highlight(const QString &itemId)
{
    const ItemResult *r = m_grade.item(itemId);
    if (!r || !m_scene)
        return;
    QStringList present;
    for (const QString &id : r->components) {
        if (attempt() && attempt()->component(id))
            present << id;
    }
    m_scene->setHighlighted(present, {});
    if (!present.isEmpty())
        m_scene->selectIds(present);
    Q_EMIT statusMessage(
        present.isEmpty()
            ? tr("%1: nothing on the board satisfies it; %2").arg(r->title, r->detail)
            : (present.size() == 1
                   ? tr("%1: 1 component highlighted").arg(r->title)
                   : tr("%1: %2 components highlighted").arg(r->title).arg(present.size())),
        10000);
}

void PracticeMode::editNotes(const QString &step, const QString &text)
{
    Diagram *d = attempt();
    if (!d)
        return;
    const Meta meta = known::withStepNote(m_state.writtenTo(d->meta()), step, text);
    m_document->undoStack()->push(new SetMetaCommand(d, meta));
}

void PracticeMode::toggleCheck(const QString &step, int index, bool checked)
{
    const QString key = QStringLiteral("%1/%2").arg(step).arg(index);
    m_state.checked.removeAll(key);
    if (checked)
        m_state.checked << key;
    persist();
}

void PracticeMode::compareWithReference()
{
    const Diagram *attempt = this->attempt();
    if (!m_problem || !attempt)
        return;
    const QString path = ProblemSet::referencePath(m_problem->id);
    ReadResult ref = DiagramReader::readFile(path);
    if (!ref.ok()) {
        QMessageBox::warning(m_window, tr("Compare with Reference"), ref.error);
        return;
    }
    const KindPairing pairing = KindPairing::of(*attempt, *ref.diagram);

    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Your design and the reference"));
    auto *mine = new QListWidget(dialog);
    auto *theirs = new QListWidget(dialog);
    const Catalog &catalog = Catalog::builtin();
    auto name = [&](const Diagram &d, const QString &id) {
        const Component *c = d.component(id);
        return c ? QStringLiteral("%1 (%2)").arg(catalog.displayName(*c),
                                                 catalog.kindLabel(c->kind))
                 : id;
    };
    // The same colour on both boards and in both lists: a matched pair.
    QHash<QString, QColor> mineColours, theirColours;
    for (int i = 0; i < pairing.pairs.size(); ++i) {
        const QColor colour = QColor::fromHsv((i * 47) % 360, 150, 230);
        pairRow(mine, name(*attempt, pairing.pairs[i].first), colour);
        pairRow(theirs, name(*ref.diagram, pairing.pairs[i].second), colour);
        mineColours.insert(pairing.pairs[i].first, colour);
        theirColours.insert(pairing.pairs[i].second, colour);
    }
    Q_EMIT referenceRequested(path, tr("Reference: %1 — mlsketch").arg(m_problem->title),
                              theirColours);
    m_scene->setPairColors(mineColours);
    // Editing the attempt goes on after the comparison: the colours go with its dialog.
    connect(dialog, &QObject::destroyed, this, [this] {
        if (m_scene)
            m_scene->setPairColors({});
    });
    for (const QString &id : pairing.onlyAttempt)
        pairRow(mine, tr("only yours: %1").arg(name(*attempt, id)), {});
    for (const QString &id : pairing.onlyReference)
        pairRow(theirs, tr("missing: %1").arg(name(*ref.diagram, id)), {});
    auto *layout = new QGridLayout(dialog);
    layout->addWidget(
        new QLabel(tr("Your design (%n matched)", nullptr, int(pairing.pairs.size())), dialog), 0,
        0);
    layout->addWidget(new QLabel(tr("Reference design (opened in a second window)"), dialog), 0, 1);
    layout->addWidget(mine, 1, 0);
    layout->addWidget(theirs, 1, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons, 2, 0, 1, 2);
    dialog->resize(720, 480);
    dialog->show();
}

void PracticeMode::showHistory()
{
    PracticeHistory history(m_historyFolder);
    HistoryDialog dialog(history, m_problem ? m_problem->id : QString(), m_window);
    connect(&dialog, &HistoryDialog::openRequested, this, &PracticeMode::openFileRequested);
    dialog.exec();
}

void PracticeMode::updateActions()
{
    const bool running = m_problem && !m_state.submitted;
    m_pauseAction->setEnabled(running);
    m_hintAction->setEnabled(running);
    m_submitAction->setEnabled(running);
    m_compareAction->setEnabled(m_problem != nullptr);
}

} // namespace mls

// SPDX-License-Identifier: MIT
#include "AutoLayoutActions.h"
#include "Catalog.h"

#include "Diagram.h"
#include "Document.h"
#include "LayoutRunner.h"
#include "canvas/CardStyle.h"
#include "canvas/ComponentItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/LayoutAnimation.h"
#include "commands/CommandIds.h"
#include "commands/EditComponentCommand.h"
#include "commands/UndoText.h"
#include "layout/DiagramLayout.h"

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QSettings>
#include <QToolButton>
#include <QUndoStack>

namespace mls {

namespace {

const char *const directionKey = "layout/direction";
const char *const timeLimitKey = "layout/timeLimitMs";

QString duration(qint64 ms)
{
    return ms < 1000 ? QStringLiteral("%1 ms").arg(ms)
                     : QStringLiteral("%1 s").arg(QString::number(ms / 1000.0, 'f', 1));
}

QString components(int n)
{
    return n == 1 ? QStringLiteral("1 component")
                  : QStringLiteral("%1 components").arg(QLocale(QLocale::English).toString(n));
}

} // namespace

AutoLayoutActions::AutoLayoutActions(Document *document, DiagramView *view, QObject *parent)
    : QObject(parent), m_document(document), m_view(view), m_runner(new LayoutRunner(this)),
      m_animation(new LayoutAnimation(this))
{
    connect(m_animation, &LayoutAnimation::finished, this, &AutoLayoutActions::revealResult);
    m_runner->setTimeLimit(QSettings().value(QLatin1String(timeLimitKey), 10000).toInt());
    connect(m_runner, &LayoutRunner::progress, this,
            [this](const QString &t) { showMessage(t, 0); });
    connect(m_runner, &LayoutRunner::finished, this, &AutoLayoutActions::finished);
    // An edit while Graphviz works would be overwritten by a layout of the old diagram. The
    // document's stack falls silent before the document dies.
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (m_runner->isRunning()) {
            m_runner->cancel();
            end(tr("Auto layout stopped: the diagram changed while it ran"));
        }
        updateEnabled(); // Pin Position follows undo and redo
    });

    m_progress = new QWidget(view);
    auto *row = new QHBoxLayout(m_progress);
    row->setContentsMargins(0, 0, 0, 0);
    m_bar = new QProgressBar(m_progress);
    m_bar->setRange(0, 0); // busy: Graphviz reports no progress
    m_bar->setTextVisible(false);
    m_bar->setFixedSize(120, 12);
    m_cancel = new QToolButton(m_progress);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the auto layout; the diagram stays as it is"));
    connect(m_cancel, &QToolButton::clicked, this, &AutoLayoutActions::cancel);
    row->addWidget(m_bar);
    row->addWidget(m_cancel);
    m_progress->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_progress->hide();
}

AutoLayoutActions::~AutoLayoutActions() = default;

void AutoLayoutActions::populate(QMenu *menu)
{
    menu->addSeparator();
    m_layoutAll =
        menu->addAction(tr("Auto &Layout"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this,
                        &AutoLayoutActions::layoutAll);
    m_layoutAll->setObjectName(QStringLiteral("arrangeAutoLayout"));
    m_layoutAll->setToolTip(tr("Lay the diagram out with Graphviz; pinned components stay"));
    m_layoutSelection =
        menu->addAction(tr("Auto Layout &Selection"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L),
                        this, &AutoLayoutActions::layoutSelection);
    m_layoutSelection->setObjectName(QStringLiteral("arrangeAutoLayoutSelection"));
    QMenu *directions = menu->addMenu(tr("Layout &Direction"));
    m_directions = new QActionGroup(this);
    const QString saved = QSettings().value(QLatin1String(directionKey), "LR").toString();
    for (const auto &[text, name] : {std::pair{tr("&Left to Right"), QStringLiteral("LR")},
                                     std::pair{tr("&Top to Bottom"), QStringLiteral("TB")}}) {
        QAction *a = directions->addAction(text);
        a->setCheckable(true);
        a->setData(name);
        a->setChecked(name == saved);
        m_directions->addAction(a);
    }
    if (!m_directions->checkedAction())
        m_directions->actions().constFirst()->setChecked(true);
    connect(m_directions, &QActionGroup::triggered, this, [](QAction *a) {
        QSettings().setValue(QLatin1String(directionKey), a->data().toString());
    });
    m_pin = menu->addAction(tr("&Pin Position"));
    m_pin->setObjectName(QStringLiteral("arrangePin"));
    m_pin->setCheckable(true);
    m_pin->setToolTip(tr("Keep the selected components where they are in auto layout"));
    connect(m_pin, &QAction::triggered, this, &AutoLayoutActions::setPinned);
    updateEnabled();
}

void AutoLayoutActions::updateEnabled()
{
    DiagramScene *scene = m_scene;
    if (!scene || !m_pin)
        return;
    const QStringList ids = scene->selectedComponentIds();
    const bool running = m_runner->isRunning();
    m_layoutAll->setEnabled(!running);
    m_layoutSelection->setEnabled(!running && ids.size() >= 2);
    m_pin->setEnabled(!ids.isEmpty());
    bool allPinned = !ids.isEmpty();
    for (const QString &id : ids)
        allPinned = allPinned && DiagramLayout::isPinned(*m_document->diagram()->component(id));
    m_pin->setChecked(allPinned);
}

bool AutoLayoutActions::isRunning() const
{
    return m_runner->isRunning();
}

LayoutDirection AutoLayoutActions::direction() const
{
    const QAction *a = m_directions ? m_directions->checkedAction() : nullptr;
    return a && a->data().toString() == QLatin1String("TB") ? LayoutDirection::TopToBottom
                                                            : LayoutDirection::LeftToRight;
}

void AutoLayoutActions::setDirection(LayoutDirection direction)
{
    const QString name =
        direction == LayoutDirection::TopToBottom ? QStringLiteral("TB") : QStringLiteral("LR");
    for (QAction *a : m_directions->actions()) {
        if (a->data().toString() == name)
            a->trigger();
    }
}

void AutoLayoutActions::layoutAll()
{
    run({});
}

void AutoLayoutActions::layoutSelection()
{
    const QStringList ids = m_scene->selectedComponentIds();
    if (ids.size() >= 2)
        run(ids);
}

void AutoLayoutActions::run(const QStringList &selection)
{
    Diagram *diagram = m_document->diagram();
    DiagramScene *scene = m_scene;
    if (m_runner->isRunning() || !diagram || !scene)
        return;
    m_animation->finish();
    LayoutOptions options;
    options.direction = direction();
    m_input = DiagramLayout::input(*diagram, options, selection);
    if (m_input.nodes.isEmpty()) {
        end(tr("Nothing to lay out"));
        return;
    }
    m_runDiagram = diagram;
    m_runScene = scene;
    const LayoutEngine engine = GraphvizLayout::effectiveEngine(options, int(m_input.nodes.size()));
    showMessage(tr("Laying out %1 with %2…")
                    .arg(components(int(m_input.nodes.size())), GraphvizLayout::engineName(engine)),
                0);
    m_runner->start(m_input);
    m_progress->show();
    updateEnabled();
}

void AutoLayoutActions::cancel()
{
    if (!m_runner->isRunning())
        return;
    m_runner->cancel();
    end(tr("Auto layout cancelled; the diagram is unchanged"));
}

void AutoLayoutActions::finished(const LayoutResult &result, const QString &fallback,
                                 qint64 elapsedMs)
{
    if (!m_runDiagram || m_runDiagram != m_document->diagram() || m_runScene != m_scene) {
        end(tr("Auto layout dropped: another diagram is open now"));
        return;
    }
    if (!result.ok) {
        end(tr("Auto layout failed: %1. The diagram is unchanged.").arg(result.error));
        return;
    }
    QUndoCommand *command = DiagramLayout::command(m_runDiagram, m_input, result);
    if (!command) {
        end(tr("Auto layout failed: the result does not match the diagram. The diagram is "
               "unchanged."));
        return;
    }
    QHash<QString, QPointF> from; // where the cards are drawn now, to glide from
    for (const QString &id : DiagramLayout::nodeIds(m_input)) {
        if (ComponentItem *item = m_runScene->componentItem(id))
            from.insert(id, item->pos());
    }
    // Re-indexing thousands of moved cards and arrows one by one in the scene's BSP tree
    // takes seconds; without an index during the push, and one rebuild after, it is quick.
    const QGraphicsScene::ItemIndexMethod index = m_runScene->itemIndexMethod();
    m_runScene->setItemIndexMethod(QGraphicsScene::NoIndex);
    m_document->undoStack()->push(command);
    m_runScene->setItemIndexMethod(index);
    m_animation->start(m_runScene, from);
    if (!m_animation->isRunning())
        revealResult(); // too many cards to glide: they are already in place
    end(summary(result, fallback, elapsedMs));
}

void AutoLayoutActions::revealResult()
{
    DiagramView *view = m_view;
    DiagramScene *scene = m_scene;
    if (!view || !scene || scene->items().isEmpty())
        return;
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    if (!visible.contains(scene->contentRect()))
        view->fitToContent(); // the laid-out diagram is wider or elsewhere: show all of it
}

QString AutoLayoutActions::summary(const LayoutResult &result, const QString &fallback,
                                   qint64 elapsedMs) const
{
    const int n = int(m_input.nodes.size());
    const QString done =
        tr("Laid out %1 with %2 in %3")
            .arg(components(n), GraphvizLayout::engineName(result.engineUsed), duration(elapsedMs));
    if (!fallback.isEmpty())
        return tr("%1: %2").arg(done, fallback);
    if (result.engineUsed != m_input.options.engine)
        return tr("%1 (switched from %2: more than %3 components)")
            .arg(done, GraphvizLayout::engineName(m_input.options.engine),
                 QLocale(QLocale::English).toString(m_input.options.sizeThreshold));
    return done;
}

void AutoLayoutActions::end(const QString &message)
{
    m_progress->hide();
    showMessage(message);
    updateEnabled();
    Q_EMIT layoutEnded();
}

void AutoLayoutActions::showMessage(const QString &text, int timeoutMs)
{
    m_lastMessage = text;
    Q_EMIT statusMessage(text, timeoutMs);
}

void AutoLayoutActions::setPinned(bool pinned)
{
    Diagram *diagram = m_document->diagram();
    const QStringList ids = m_scene->selectedComponentIds();
    auto *parent = new QUndoCommand;
    QStringList changed;
    for (const QString &id : ids) {
        const Component *c = diagram->component(id);
        if (!c || DiagramLayout::isPinned(*c) == pinned)
            continue;
        Component after = *c;
        DiagramLayout::setPinned(after, pinned);
        // Children of one parent never merge: pin then unpin stay two undo steps.
        new EditComponentCommand(diagram, after, EditComponentCommand::Field::Props, parent);
        changed << Catalog::builtin().displayName(*c);
    }
    if (changed.isEmpty()) {
        delete parent;
        updateEnabled();
        return;
    }
    const int n = int(changed.size());
    if (n == 1)
        parent->setText((pinned ? tr("Pin %1") : tr("Unpin %1")).arg(quoted(changed.first())));
    else
        parent->setText(sourcePlural(pinned ? tr("Pin %n component(s)", nullptr, n)
                                            : tr("Unpin %n component(s)", nullptr, n),
                                     n));
    m_document->undoStack()->push(parent);
    updateEnabled();
}

} // namespace mls

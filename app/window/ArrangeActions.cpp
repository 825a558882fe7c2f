// SPDX-License-Identifier: MIT
#include "ArrangeActions.h"

#include "Catalog.h"
#include "Diagram.h"
#include "Document.h"
#include "ZoneName.h"
#include "canvas/CardStyle.h"
#include "canvas/DiagramScene.h"
#include "commands/AddItemsCommand.h"
#include "commands/CommandIds.h"
#include "commands/EditGroupCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "commands/ReorderComponentsCommand.h"
#include "commands/UndoText.h"
#include "dialogs/ZoneDialog.h"

#include <QAction>
#include <QMenu>
#include <QPixmap>
#include <QUndoStack>

namespace mls {

ArrangeActions::ArrangeActions(Document *document, QWidget *window)
    : QObject(window), m_document(document), m_window(window)
{}

void ArrangeActions::populate(QMenu *menu)
{
    using A = Arrange::Align;
    const struct
    {
        QString text;
        A how;
    } aligns[] = {{tr("Align &Left"), A::Left},     {tr("Align &Centre"), A::Centre},
                  {tr("Align &Right"), A::Right},   {tr("Align &Top"), A::Top},
                  {tr("Align &Middle"), A::Middle}, {tr("Align &Bottom"), A::Bottom}};
    for (const auto &a : aligns) {
        const A how = a.how;
        m_needTwo << menu->addAction(a.text, this, [this, how] { align(how); });
    }
    menu->addSeparator();
    m_needThree << menu->addAction(tr("Distribute &Horizontally"), this,
                                   [this] { distribute(Arrange::Axis::Horizontal); });
    m_needThree << menu->addAction(tr("Distribute &Vertically"), this,
                                   [this] { distribute(Arrange::Axis::Vertical); });
    menu->addSeparator();
    m_needOne << menu->addAction(tr("&Group into Zone…"), QKeySequence(Qt::CTRL | Qt::Key_G), this,
                                 [this] { groupIntoZone(); });
    m_needOne.last()->setObjectName(QStringLiteral("arrangeGroup"));
    m_ungroup = menu->addAction(tr("&Ungroup"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
                                this, &ArrangeActions::ungroup);
    m_ungroup->setObjectName(QStringLiteral("arrangeUngroup"));
    menu->addSeparator();
    m_needOne << menu->addAction(tr("Bring to &Front"),
                                 QKeySequence(Qt::CTRL | Qt::Key_BracketRight), this,
                                 &ArrangeActions::bringToFront);
    m_needOne << menu->addAction(tr("Send to &Back"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft),
                                 this, &ArrangeActions::sendToBack);
    m_needOne.last()->setObjectName(QStringLiteral("arrangeBack"));
    updateEnabled();
}

void ArrangeActions::updateEnabled()
{
    DiagramScene *scene = m_scene;
    if (!scene || !m_ungroup)
        return;
    const int n = int(scene->selectedComponentIds().size());
    for (QAction *a : std::as_const(m_needOne))
        a->setEnabled(n >= 1);
    for (QAction *a : std::as_const(m_needTwo))
        a->setEnabled(n >= 2);
    for (QAction *a : std::as_const(m_needThree))
        a->setEnabled(n >= 3);
    m_ungroup->setEnabled(!scene->selectedGroupIds().isEmpty());
}

static QVector<QPointF> centresOf(const Diagram &d, const QStringList &ids)
{
    QVector<QPointF> centres;
    for (const QString &id : ids)
        centres << d.component(id)->pos;
    return centres;
}

void ArrangeActions::align(Arrange::Align how)
{
    const QStringList ids = m_scene->selectedComponentIds();
    if (ids.size() < 2)
        return;
    const QVector<QPointF> to =
        Arrange::aligned(centresOf(*m_document->diagram(), ids),
                         QSizeF(CardStyle::cardWidth, CardStyle::cardHeight), how);
    auto *cmd = new MoveComponentsCommand(m_document->diagram(), ids, to);
    const int n = int(ids.size());
    cmd->setText(sourcePlural(tr("Align %n component(s)", nullptr, n), n));
    m_document->undoStack()->push(cmd);
}

void ArrangeActions::distribute(Arrange::Axis axis)
{
    const QStringList ids = m_scene->selectedComponentIds();
    if (ids.size() < 3)
        return;
    const QVector<QPointF> to = Arrange::distributed(centresOf(*m_document->diagram(), ids), axis);
    auto *cmd = new MoveComponentsCommand(m_document->diagram(), ids, to);
    const int n = int(ids.size());
    cmd->setText(sourcePlural(tr("Distribute %n component(s)", nullptr, n), n));
    m_document->undoStack()->push(cmd);
}

void ArrangeActions::groupIntoZone(const QString &label)
{
    const QStringList ids = m_scene->selectedComponentIds();
    if (ids.isEmpty())
        return;
    QString name = label;
    if (name.isEmpty()) {
        QStringList kinds;
        for (const QString &id : ids) {
            if (const Component *c = m_document->diagram()->component(id))
                kinds.append(c->kind);
        }
        name = ZoneDialog::ask(m_window, ZoneName::proposed(Catalog::builtin(), kinds),
                               int(ids.size()));
        if (name.isEmpty())
            return;
    }
    Group g;
    g.id = m_document->diagram()->uniqueId(QStringLiteral("g"));
    g.label = name.trimmed();
    g.members = ids;
    m_document->undoStack()->push(AddItemsCommand::group(m_document->diagram(), g));
    m_scene->selectIds({g.id});
}

void ArrangeActions::ungroup()
{
    const QStringList zones = m_scene->selectedGroupIds();
    if (zones.isEmpty())
        return;
    QUndoStack *stack = m_document->undoStack();
    const int n = int(zones.size());
    stack->beginMacro(sourcePlural(tr("Ungroup %n zone(s)", nullptr, n), n));
    for (const QString &id : zones)
        stack->push(RemoveItemsCommand::ungroup(m_document->diagram(), id));
    stack->endMacro();
}

void ArrangeActions::colourZones(const QString &color)
{
    const QStringList zones = m_scene->selectedGroupIds();
    if (zones.isEmpty())
        return;
    QUndoStack *stack = m_document->undoStack();
    const int n = int(zones.size());
    stack->beginMacro(sourcePlural(tr("Colour %n zone(s)", nullptr, n), n));
    for (const QString &id : zones)
        stack->push(EditGroupCommand::setColor(m_document->diagram(), id, color));
    stack->endMacro();
}

QMenu *ArrangeActions::zoneColourMenu(QWidget *parent)
{
    // A few zone colours that stay readable as translucent fills in light and dark mode.
    static const struct
    {
        const char *name;
        const char *hex;
    } colours[] = {{"Slate", "#64748B"}, {"Blue", "#2563EB"},   {"Green", "#059669"},
                   {"Amber", "#D97706"}, {"Violet", "#7C3AED"}, {"Rose", "#E11D48"}};
    auto *menu = new QMenu(tr("Zone &Colour"), parent);
    for (const auto &c : colours) {
        const QString hex = QString::fromLatin1(c.hex);
        QPixmap swatch(14, 14);
        swatch.fill(QColor(hex));
        menu->addAction(QIcon(swatch), tr(c.name), this, [this, hex] { colourZones(hex); });
    }
    return menu;
}

void ArrangeActions::bringToFront()
{
    m_document->undoStack()->push(
        new ReorderComponentsCommand(m_document->diagram(), m_scene->selectedComponentIds(),
                                     ReorderComponentsCommand::Where::Front));
}

void ArrangeActions::sendToBack()
{
    m_document->undoStack()->push(
        new ReorderComponentsCommand(m_document->diagram(), m_scene->selectedComponentIds(),
                                     ReorderComponentsCommand::Where::Back));
}

} // namespace mls

// SPDX-License-Identifier: MIT
// The far-zoom batches (FarBoardPainter) against the items' own painting: the same board at a
// far zoom drawn both ways must look the same, and every part of it (arrows, cards, the
// selection, badges, zones) must be there; the batches kept between paints must follow every
// edit; clicks and rubber bands must select at that zoom. MLS_FAR_BOARD_DUMP=DIR saves both
// pictures.
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "ViewGestures.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/FarBoardPainter.h"
#include "canvas/ZoneItem.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditComponentCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/RemoveItemsCommand.h"

#include <QCoreApplication>

#include <QRandomGenerator>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace mls;
using namespace mls::test;

namespace {

constexpr int columns = 30;
constexpr int rows = 20;

/// 600 cards on a grid, 900 arrows (to a card up to 20 places on: most along a row, some into
/// the next), a zone every 50 cards, findings on every seventh card and arrow.
std::unique_ptr<Diagram> board()
{
    auto d = std::make_unique<Diagram>();
    const QStringList kinds = {"client",       "api_gateway", "event_stream", "feature_store",
                               "model_server", "trainer",     "vector_db",    "monitoring"};
    for (int i = 0; i < columns * rows; ++i)
        d->insertComponent(i, component(QStringLiteral("c%1").arg(i), kinds[i % kinds.size()],
                                        QPointF((i % columns) * 240, (i / columns) * 120)));
    QRandomGenerator rng(7);
    const QStringList flows = {"requests", "events", "features", "model", "predictions"};
    for (int i = 0; i < columns * rows * 3 / 2; ++i) {
        const int from = rng.bounded(columns * rows);
        const int to = std::min(columns * rows - 1, from + 1 + rng.bounded(20));
        d->insertConnection(i, connection(QStringLiteral("e%1").arg(i),
                                          QStringLiteral("c%1").arg(from),
                                          QStringLiteral("c%1").arg(to), flows[i % flows.size()]));
    }
    const auto card = [](int i) { return QStringLiteral("c%1").arg(i); };
    for (int g = 0; g < columns * rows / 50; ++g) { // four cards in a row each
        Group zone;
        zone.id = QStringLiteral("g%1").arg(g);
        zone.label = QStringLiteral("Zone %1").arg(g);
        zone.members = {card(g * 50), card(g * 50 + 1), card(g * 50 + 2), card(g * 50 + 3)};
        d->insertGroup(g, zone);
    }
    return d;
}

QVector<Finding> findings()
{
    QVector<Finding> out;
    for (int i = 0; i < columns * rows; i += 7) {
        Finding f;
        f.setRule(QStringLiteral("MLS-001"));
        f.setSeverity(i % 2 ? Severity::Error : Severity::Warning);
        f.setIds({QStringLiteral("c%1").arg(i)});
        out << f;
        Finding e;
        e.setRule(QStringLiteral("MLS-002"));
        e.setSeverity(Severity::Info);
        e.setIds({}, {QStringLiteral("e%1").arg(i)});
        out << e;
    }
    return out;
}

int channelDiff(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b))});
}

/// How far @p image is from @p ref at @p p, allowing a pixel of shift (a hairline's pixels are
/// rounded differently at the ends of its runs).
int nearDiff(const QImage &ref, const QImage &image, int x, int y)
{
    int best = 255;
    for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
            const int nx = x + dx, ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < image.width() && ny < image.height())
                best = std::min(best, channelDiff(ref.pixel(x, y), image.pixel(nx, ny)));
        }
    }
    return best;
}

} // namespace

class FarBoardTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Diagram> m_diagram;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DiagramScene> m_scene;
    std::unique_ptr<DiagramView> m_view;

    QImage render(bool batched)
    {
        QCoreApplication::sendPostedEvents(); // the scene's queued calls, as the event loop would
        m_view->setFarBatching(batched);
        const QImage image =
            m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        if (m_view->paintedInBatches() != batched)
            qWarning("painted %s", m_view->paintedInBatches() ? "in batches" : "item by item");
        return image;
    }

    /// What the window shows after the event loop ran: the board as the view last painted it.
    QImage shown()
    {
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        return m_view->farBoardImage();
    }

    /// A fresh read of the items, drawn in batches.
    QImage fresh()
    {
        m_view->setFarBatching(false); // drops what the batches kept
        m_view->setFarBatching(true);
        m_view->viewport()->grab();
        return m_view->farBoardImage();
    }

    static int differing(const QImage &a, const QImage &b)
    {
        if (a.size() != b.size())
            return a.width() * a.height();
        int n = 0;
        for (int y = 0; y < a.height(); ++y) {
            const auto *pa = reinterpret_cast<const QRgb *>(a.constScanLine(y));
            const auto *pb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
            for (int x = 0; x < a.width(); ++x)
                n += (pa[x] & 0xffffff) != (pb[x] & 0xffffff);
        }
        return n;
    }

    QPointF cardPos(int i) const { return m_diagram->component(QStringLiteral("c%1").arg(i))->pos; }

private Q_SLOTS:
    void init()
    {
        m_diagram = board();
        m_stack = std::make_unique<QUndoStack>();
        m_scene = std::make_unique<DiagramScene>(m_diagram.get());
        m_scene->setUndoStack(m_stack.get());
        m_scene->setFindings(findings());
        m_view = std::make_unique<DiagramView>();
        m_view->setScene(m_scene.get());
        m_view->resize(900, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QStringList selected;
        for (int i = 3; i < columns * rows; i += 11)
            selected << QStringLiteral("c%1").arg(i) << QStringLiteral("e%1").arg(i);
        m_scene->selectIds(selected);
        m_scene->setHighlighted({"c1", "c2"}, {"e5"});
    }
    void cleanup()
    {
        m_view.reset();
        m_scene.reset();
        m_stack.reset();
        m_diagram.reset();
    }

    /// Both ways at a far zoom look the same, and each part of the board is in the batches: the
    /// pixels that hiding the part changes in the items' picture are the items' in the batched
    /// one (within a pixel), not the picture without it.
    void sameAsItems_data()
    {
        QTest::addColumn<qreal>("zoom");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("curved");
        QTest::addColumn<QString>("part");
        for (const qreal zoom : {0.09, 0.05, 0.03, 0.012}) {
            for (const char *part : {"arrows", "cards", "selection", "badges", "zones"}) {
                const QByteArray name = QByteArray::number(zoom) + " " + part;
                QTest::newRow(name.constData())
                    << zoom << false << false << QString::fromLatin1(part);
            }
        }
        QTest::newRow("dark 0.05 arrows") << 0.05 << true << false << QStringLiteral("arrows");
        QTest::newRow("dark 0.05 selection")
            << 0.05 << true << false << QStringLiteral("selection");
        QTest::newRow("curved 0.05 arrows") << 0.05 << false << true << QStringLiteral("arrows");
        QTest::newRow("curved 0.02 arrows") << 0.02 << false << true << QStringLiteral("arrows");
    }
    void sameAsItems()
    {
        QFETCH(qreal, zoom);
        QFETCH(bool, dark);
        QFETCH(bool, curved);
        QFETCH(QString, part);
        if (dark)
            m_scene->setStyle(CardStyle::darkStyle());
        if (curved)
            m_scene->setRouting(ConnectionItem::Routing::Curved);
        m_view->setZoom(zoom);
        m_view->centerOn(columns * 120, rows * 60);

        const QImage items = render(false);
        const QImage batched = render(true);
        QVERIFY(m_view->paintedInBatches());
        if (const QString dir = qEnvironmentVariable("MLS_FAR_BOARD_DUMP"); !dir.isEmpty()) {
            const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_');
            items.save(dir + QStringLiteral("/%1-items.png").arg(name));
            batched.save(dir + QStringLiteral("/%1-batched.png").arg(name));
        }

        // The whole picture: a small mean difference, smaller still allowing a pixel of shift.
        double sum = 0, nearSum = 0;
        for (int y = 0; y < items.height(); ++y) {
            for (int x = 0; x < items.width(); ++x) {
                sum += channelDiff(items.pixel(x, y), batched.pixel(x, y));
                nearSum += nearDiff(items, batched, x, y);
            }
        }
        const double pixels = double(items.width()) * items.height();
        QVERIFY2(sum / pixels < 2.0, qPrintable(QString::number(sum / pixels)));
        QVERIFY2(nearSum / pixels < 0.5, qPrintable(QString::number(nearSum / pixels)));

        // The part: the items' picture without it.
        const std::function<void(bool)> show = [&](bool on) {
            if (part == "arrows") {
                for (const Connection &c : m_diagram->connections())
                    m_scene->connectionItem(c.id)->setVisible(on);
            } else if (part == "cards") {
                for (const Component &c : m_diagram->components())
                    m_scene->componentItem(c.id)->setVisible(on);
            } else if (part == "selection") {
                static QStringList selected;
                if (!on) {
                    selected = m_scene->selectedComponentIds() + m_scene->selectedConnectionIds();
                    m_scene->clearSelection();
                } else {
                    m_scene->selectIds(selected);
                }
            } else if (part == "badges") {
                m_scene->setMarkersVisible(on);
            } else if (part == "zones") {
                for (const Group &g : m_diagram->groups())
                    m_scene->zoneItem(g.id)->setVisible(on);
            }
        };
        show(false);
        const QImage without = render(false);
        show(true);
        double partDiff = 0, batchDiff = 0;
        int partPixels = 0;
        for (int y = 0; y < items.height(); ++y) {
            for (int x = 0; x < items.width(); ++x) {
                const int d = channelDiff(items.pixel(x, y), without.pixel(x, y));
                if (d < 24)
                    continue;
                ++partPixels;
                partDiff += d;
                batchDiff += nearDiff(items, batched, x, y);
            }
        }
        QVERIFY2(partPixels > 20, qPrintable(QString::number(partPixels)));
        // Missing in the batches, the part's pixels would differ as much as without it.
        QVERIFY2(batchDiff < 0.2 * partDiff, qPrintable(QStringLiteral("%1 of %2 over %3 px")
                                                            .arg(batchDiff)
                                                            .arg(partDiff)
                                                            .arg(partPixels)));
    }

    /// The batches kept between paints follow every kind of edit: after the edit and the event
    /// loop, the board on screen is pixel for pixel a fresh read of the items, and the edit
    /// shows. A paint without a change reads nothing.
    void keptBatchesFollowEdits_data()
    {
        QTest::addColumn<QString>("edit");
        for (const char *edit : {"move",
                                 "connect",
                                 "disconnect",
                                 "kind",
                                 "delete card",
                                 "add card",
                                 "select",
                                 "clear selection",
                                 "highlight",
                                 "clear highlight",
                                 "undo",
                                 "redo",
                                 "theme",
                                 "drag preview",
                                 "end preview",
                                 "badges off",
                                 "findings",
                                 "curved",
                                 "hide arrow",
                                 "theme, then clear selection",
                                 "badges off, then move"})
            QTest::newRow(edit) << QString::fromLatin1(edit);
    }
    void keptBatchesFollowEdits()
    {
        QFETCH(QString, edit);
        m_view->setZoom(0.05);
        m_view->centerOn(columns * 120, rows * 60);
        const auto move = [&] {
            m_stack->push(new MoveComponentsCommand(m_diagram.get(), {"c100"},
                                                    {cardPos(100) + QPointF(720, 360)}));
        };
        if (edit == "undo" || edit == "redo")
            move();
        if (edit == "redo")
            m_stack->undo();
        if (edit == "end preview")
            m_scene->previewMove({{"c130", cardPos(130) + QPointF(0, 600)}}, {}, {});
        // A full update of the scene first (every item dirty at once), then the edit.
        if (edit.startsWith("theme, then")) {
            m_scene->setStyle(CardStyle::darkStyle());
            edit = edit.section(", then ", 1);
        } else if (edit.startsWith("badges off, then")) {
            m_scene->setMarkersVisible(false);
            edit = edit.section(", then ", 1);
        }
        const QImage before = shown();
        QVERIFY(m_view->paintedInBatches());
        const int reads = m_view->farBoardReads();
        m_view->viewport()->repaint();
        QCOMPARE(m_view->farBoardReads(), reads);
        QCOMPARE(differing(m_view->farBoardImage(), before), 0);

        if (edit == "move") {
            move();
        } else if (edit == "connect") {
            m_stack->push(AddItemsCommand::connect(m_diagram.get(),
                                                   connection("new", "c10", "c470", "events")));
        } else if (edit == "disconnect") {
            m_stack->push(new RemoveItemsCommand(m_diagram.get(), {}, {"e3", "e4", "e5", "e6"}));
        } else if (edit == "kind") {
            m_stack->push(EditComponentCommand::setKind(m_diagram.get(), "c44", "client"));
        } else if (edit == "delete card") {
            m_stack->push(new RemoveItemsCommand(m_diagram.get(), {"c222"}, {}));
        } else if (edit == "add card") {
            m_stack->push(AddItemsCommand::addComponent(
                m_diagram.get(), component("new", "vector_db", QPointF(2 * 240, rows * 120))));
        } else if (edit == "select") {
            m_scene->selectIds({"c30", "c31", "e40", "e41"});
        } else if (edit == "clear selection") {
            m_scene->clearSelection();
        } else if (edit == "highlight") {
            m_scene->setHighlighted({"c60", "c61"}, {"e70"});
        } else if (edit == "clear highlight") {
            m_scene->setHighlighted({}, {});
        } else if (edit == "undo") {
            m_stack->undo();
        } else if (edit == "redo") {
            m_stack->redo();
        } else if (edit == "theme") {
            m_scene->setStyle(CardStyle::darkStyle());
        } else if (edit == "drag preview") {
            m_scene->previewMove({{"c130", cardPos(130) + QPointF(0, 600)}}, {}, {});
        } else if (edit == "end preview") {
            m_scene->endPreview();
        } else if (edit == "badges off") {
            m_scene->setMarkersVisible(false);
        } else if (edit == "findings") {
            m_scene->setFindings({});
        } else if (edit == "curved") {
            m_scene->setRouting(ConnectionItem::Routing::Curved);
        } else if (edit == "hide arrow") {
            for (int i = 0; i < 40; ++i)
                m_scene->connectionItem(QStringLiteral("e%1").arg(i))->setVisible(false);
        }
        const QImage after = shown();
        QVERIFY(m_view->paintedInBatches());
        QVERIFY2(differing(after, before) > 0, "the edit shows at this zoom");
        const QImage read = fresh();
        QVERIFY2(differing(after, read) == 0,
                 qPrintable(QStringLiteral("%1 pixels stale").arg(differing(after, read))));
    }

    /// Below 10 % zoom a click selects the card under it and a rubber band the cards it
    /// meets, as at any zoom, and the board shows the selection.
    void farZoomInteraction_data()
    {
        QTest::addColumn<qreal>("zoom");
        QTest::newRow("8 %") << 0.08;
        QTest::newRow("5 %") << 0.05;
    }
    void farZoomInteraction()
    {
        QFETCH(qreal, zoom);
        m_view->setZoom(zoom);
        m_view->centerOn(columns * 120, rows * 60);
        m_scene->clearSelection();
        const QImage before = shown();
        QVERIFY(m_view->paintedInBatches());

        const QRectF card = m_scene->componentItem("c45")->sceneCardRect();
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          m_view->mapFromScene(card.center()));
        QCOMPARE(m_scene->selectedComponentIds(), QStringList{"c45"});
        QVERIFY(differing(shown(), before) > 0);
        QCOMPARE(differing(m_view->farBoardImage(), fresh()), 0);

        // From empty canvas above the board to the middle of a card of the third row: the
        // band's edges cross cards halfway, far from where a pixel's rounding would matter.
        const QPointF from(m_scene->componentItem("c6")->sceneCardRect().center().x(), -2000);
        const QPointF to = m_scene->componentItem("c69")->sceneCardRect().center();
        QVERIFY(!m_scene->interactiveItemAt(from));
        dragOnView(m_view.get(), from, to);
        const QRectF band =
            m_view->mapToScene(QRect(m_view->mapFromScene(from), m_view->mapFromScene(to)))
                .boundingRect();
        QStringList expected;
        for (const Component &c : m_diagram->components()) {
            if (m_scene->componentItem(c.id)->sceneCardRect().intersects(band))
                expected << c.id;
        }
        QCOMPARE(expected.size(), 12); // columns 6 to 9 of rows 0 to 2
        QStringList selected = m_scene->selectedComponentIds();
        selected.sort();
        expected.sort();
        QCOMPARE(selected, expected);
        shown();
        QCOMPARE(differing(m_view->farBoardImage(), fresh()), 0);
    }

    /// Batches only below FarBoardPainter::maxZoom; above it the items paint themselves.
    void batchesOnlyFarOut()
    {
        m_view->setZoom(FarBoardPainter::maxZoom * 1.2);
        m_view->viewport()->grab();
        QVERIFY(!m_view->paintedInBatches());
        m_view->setZoom(FarBoardPainter::maxZoom * 0.8);
        m_view->viewport()->grab();
        QVERIFY(m_view->paintedInBatches());
        // Any change repaints the whole viewport: the batches keep no per-item record.
        QCOMPARE(m_view->viewportUpdateMode(), QGraphicsView::FullViewportUpdate);
        m_view->setFarBatching(false);
        m_view->viewport()->grab();
        QVERIFY(!m_view->paintedInBatches());
        QCOMPARE(m_view->viewportUpdateMode(), QGraphicsView::SmartViewportUpdate);
    }
};

QTEST_MAIN(FarBoardTest)
#include "tst_far_board.moc"

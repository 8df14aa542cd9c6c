package org.gridatlas.tile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, independent Mapbox Vector Tile 2.1 decoder for the tests (protobuf wire format read by hand, following
 * the MVT specification): layers, features with their properties and their geometry in tile units.
 */
final class Mvt {
    /** One feature: type 1 point, 2 line, 3 polygon; rings/lines as lists of [x, y] in tile units. */
    record Feature(int type, Map<String, Object> properties, List<List<int[]>> parts) {}

    record Layer(String name, int extent, List<Feature> features) {}

    private final byte[] buf;
    private int pos;
    private final int end;

    private Mvt(byte[] buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    static Map<String, Layer> decode(byte[] tile) {
        Map<String, Layer> layers = new LinkedHashMap<>();
        Mvt r = new Mvt(tile, 0, tile.length);
        while (r.pos < r.end) {
            long key = r.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                Layer l = r.sub().layer();
                layers.put(l.name(), l);
            } else {
                r.skip((int) (key & 7));
            }
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        int extent = 4096;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Mvt> features = new ArrayList<>();
        while (pos < end) {
            long key = varint();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> name = string();
                case 2 -> features.add(sub());
                case 3 -> keys.add(string());
                case 4 -> values.add(sub().value());
                case 5 -> extent = (int) varint();
                default -> skip((int) (key & 7));
            }
        }
        List<Feature> out = new ArrayList<>();
        for (Mvt f : features) out.add(f.feature(keys, values));
        return new Layer(name, extent, out);
    }

    private Object value() {
        Object v = null;
        while (pos < end) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 1 -> v = string();
                case 2 -> {
                    v = Float.intBitsToFloat((int) fixed(4));
                }
                case 3 -> v = Double.longBitsToDouble(fixed(8));
                case 4, 5 -> v = varint();
                case 6 -> v = zigzag(varint());
                case 7 -> v = varint() != 0;
                default -> skip((int) (key & 7));
            }
        }
        return v;
    }

    private Feature feature(List<String> keys, List<Object> values) {
        int type = 0;
        List<Long> tags = new ArrayList<>();
        List<Long> geometry = new ArrayList<>();
        while (pos < end) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 2 -> sub().packed(tags);
                case 3 -> type = (int) varint();
                case 4 -> sub().packed(geometry);
                default -> skip((int) (key & 7));
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tags.size(); i += 2) {
            props.put(
                    keys.get(tags.get(i).intValue()), values.get(tags.get(i + 1).intValue()));
        }
        return new Feature(type, props, parts(geometry));
    }

    /** MoveTo starts a part, LineTo extends it, ClosePath ends a ring; coordinates are zigzag deltas. */
    private static List<List<int[]>> parts(List<Long> commands) {
        List<List<int[]>> parts = new ArrayList<>();
        List<int[]> current = null;
        int x = 0;
        int y = 0;
        int i = 0;
        while (i < commands.size()) {
            long c = commands.get(i++);
            int id = (int) (c & 7);
            int count = (int) (c >>> 3);
            if (id == 7) continue;
            for (int k = 0; k < count; k++) {
                x += (int) zigzag(commands.get(i++));
                y += (int) zigzag(commands.get(i++));
                if (id == 1) {
                    current = new ArrayList<>();
                    parts.add(current);
                }
                current.add(new int[] {x, y});
            }
        }
        return parts;
    }

    private void packed(List<Long> out) {
        while (pos < end) out.add(varint());
    }

    private Mvt sub() {
        int len = (int) varint();
        Mvt m = new Mvt(buf, pos, pos + len);
        pos += len;
        return m;
    }

    private String string() {
        int len = (int) varint();
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = buf[pos++];
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) return v;
        }
    }

    private long fixed(int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) v |= (long) (buf[pos++] & 0xff) << (8 * i);
        return v;
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> pos += (int) varint();
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }
}

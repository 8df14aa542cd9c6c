package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plausible Chinese names for people, roads, streets and places. The lists are fixed; every choice goes through
 * an {@link Rng}, so names are as deterministic as everything else.
 */
final class NameBook {
    /** Common surnames, the ones frequent in Ningbo (应, 邵, 俞, 竺, 虞, 鲍, 励, 邬, 忻) included; earlier = commoner. */
    private static final String SURNAMES = "王陈张李林周徐胡应邵俞孙朱吴郑黄杨刘赵何沈叶金范毛蒋董谢袁钱方" + "竺虞鲍史柴夏戴顾汪包励邬舒冯傅乐忻裘翁";

    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲建国文辉红燕斌晓鹏飞波海峰" + "宇浩婷雪琳俊佳杭甬立志春梅兰云亮欣怡瑶晨宁嘉振德祥荣萍丹莉颖倩凯鑫";

    private static final List<String> ROADS = List.of(
            "天童南路", "四明中路", "首南中路", "日丽中路", "宁南南路", "前河南路", "泰康中路", "河清南路", "嵩江中路", "贸城中路", "学府路", "钱湖北路", "潜龙路", "中河路",
            "泰安路", "锦屏路", "明湖路", "桃源街", "兴宁路", "福庆路", "丽园路", "文昌街", "长春路", "惠风路", "嘉和路", "春江路", "南苑街", "兰亭路", "怡和路",
            "宝城路", "芝兰路", "天宫路", "碧水路", "云鹭路", "瑞安路", "康宁路", "盛世路", "翠柏路", "银杏路", "柳汀街", "梅园路", "松涛路", "竹林街", "樱花路",
            "望春路", "甬江路", "鄞城路", "学士路");

    private static final List<String> STREETS = List.of(
            "首南", "钟公庙", "下应", "潘火", "百丈", "东胜", "明楼", "白鹤", "东柳", "东郊", "福明", "新明", "梅墟", "姜山", "邱隘", "五乡", "东吴", "咸祥",
            "瞻岐", "塘溪", "横溪", "云龙", "集士港", "古林", "高桥", "横街", "章水", "龙观", "石碶", "鄞江");

    private static final String STEM_FIRST = "潜锦东明桃兴金泰福甬丽华嘉惠新文景月长春南兰怡宝芝天绿碧云瑞安和康盛翠银柳梅松竹";
    private static final String STEM_SECOND = "龙绣湖源宁辉园江城风河昌苑丰庭悦桥溪岸湾山林泉阳港塘洲庄堂晖";

    private static final double[] SURNAME_WEIGHTS = surnameWeights();

    private NameBook() {}

    private static double[] surnameWeights() {
        double[] weights = new double[SURNAMES.length()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (1.0 + 0.15 * i);
        }
        return weights;
    }

    /** The street's name: street 8 of 鄞州区 is the sample street 中河街道. */
    static String streetName(int number) {
        if (number == 8) {
            return "中河街道";
        }
        int i = number - 1 - (number > 8 ? 1 : 0);
        if (i < STREETS.size()) {
            return STREETS.get(i) + "街道";
        }
        return stem(i) + "街道";
    }

    /** Road names for one street's lattice lines, all distinct (the pool has 48). */
    static List<String> roads(Rng rng, int count) {
        List<String> pool = new ArrayList<>(ROADS);
        rng.shuffle(pool);
        if (count > pool.size()) {
            throw new IllegalArgumentException("only " + pool.size() + " road names for " + count + " roads");
        }
        return List.copyOf(pool.subList(0, count));
    }

    /** A two-character place stem (潜龙, 锦绣…) not yet in {@code used}; adds it. */
    static String placeStem(Rng rng, Set<String> used) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String stem = stem(rng.nextInt(STEM_FIRST.length() * STEM_SECOND.length()));
            if (stem.charAt(0) != stem.charAt(1) && used.add(stem)) {
                return stem;
            }
        }
        throw new IllegalStateException("place stems exhausted");
    }

    private static String stem(int i) {
        int first = i % STEM_FIRST.length();
        int second = (i / STEM_FIRST.length()) % STEM_SECOND.length();
        return "" + STEM_FIRST.charAt(first) + STEM_SECOND.charAt(second);
    }

    /** Surname + one or two given characters. */
    static String personName(Rng rng) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(rng.weighted(SURNAME_WEIGHTS)));
        int given = rng.chance(0.72) ? 2 : 1;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(rng.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** An 11-digit mobile number (13x/15x/18x) not yet in {@code used}; adds it. */
    static String phone(Rng rng, Set<String> used) {
        String[] prefixes = {"13", "15", "18"};
        while (true) {
            String prefix = prefixes[rng.nextInt(3)];
            int third = prefix.equals("15") ? pickNot(rng, 4) : rng.nextInt(10);
            String number = prefix + third + String.format(Locale.ROOT, "%08d", rng.nextInt(100_000_000));
            if (used.add(number)) {
                return number;
            }
        }
    }

    /** A digit 0–9 other than {@code excluded} (154 is not a mobile prefix). */
    private static int pickNot(Rng rng, int excluded) {
        int digit = rng.nextInt(9);
        return digit >= excluded ? digit + 1 : digit;
    }
}

package org.gridatlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GridAtlasApplication {
    public static void main(String[] args) {
        SpringApplication.run(GridAtlasApplication.class, args);
    }
}
